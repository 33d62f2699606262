package cn.yibao.portal.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The portal under test: the Boot jar of this checkout in its own JVM, sandbox profile (the default), loopback only,
 * on free ports, with a fresh throw-away data directory, so that it runs the persistent embedded PostgreSQL with its
 * normal durability settings, not the tests' ephemeral database.
 */
final class Portal implements AutoCloseable {

    private static final Pattern SPRING_STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

    final String baseUrl;
    final String issuerUrl;
    final Duration launchToHealthy;
    private final ChildProcess process;
    private final Path dataDir;
    private final Settings settings;

    private Portal(String baseUrl, String issuerUrl, Duration launchToHealthy, ChildProcess process, Path dataDir,
                   Settings settings) {
        this.baseUrl = baseUrl;
        this.issuerUrl = issuerUrl;
        this.launchToHealthy = launchToHealthy;
        this.process = process;
        this.dataDir = dataDir;
        this.settings = settings;
    }

    static Portal start(Settings settings) throws Exception {
        return start(settings, settings.withCds());
    }

    /** {@code withCds}: the extracted jar with the class data sharing archive run.sh made, as production runs it. */
    static Portal start(Settings settings, boolean withCds) throws Exception {
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalStateException("no portal jar at " + settings.jar() + " (run.sh builds it)");
        }
        int port = freePort();
        int issuerPort = freePort();
        Path dataDir = settings.workDir().resolve("data-" + System.currentTimeMillis()).toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(BenchRun.javaExecutable());
        if (!settings.portalJvmArgs().isBlank()) {
            command.addAll(List.of(settings.portalJvmArgs().strip().split("\\s+")));
        }
        if (withCds) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + settings.cdsArchive().toAbsolutePath(), "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"));
        }
        Path jar = withCds ? settings.cdsJar() : settings.jar();
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--portal.rate-limit.verify-per-minute=" + settings.verifyPerMinute()));
        long launched = System.nanoTime();
        ChildProcess process = ChildProcess.start("portal", command, Map.of("PORTAL_DATA_DIR", dataDir.toString(),
                "PORTAL_SANDBOX_ISSUER_PORT", String.valueOf(issuerPort)),
                settings.workDir().resolve(withCds || !settings.withCds() ? "portal.log" : "portal-plain-jar.log"),
                settings.pidFile());
        String baseUrl = "http://127.0.0.1:" + port;
        Portal portal = null;
        try {
            waitUntilHealthy(baseUrl, process, settings.startTimeout());
            portal = new Portal(baseUrl, "http://127.0.0.1:" + issuerPort, Duration.ofNanos(System.nanoTime() - launched),
                    process, dataDir, settings);
            portal.postmasterPid().ifPresent(pid -> ChildProcess.remember(settings.pidFile(), pid));
            return portal;
        } finally {
            if (portal == null) {
                new Portal(baseUrl, null, null, process, dataDir, settings).close();
            }
        }
    }

    private static void waitUntilHealthy(String baseUrl, ChildProcess process, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal exited during start-up; see " + process.log());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the portal was not healthy within " + timeout.toSeconds() + " s; see "
                + process.log());
    }

    record StartUp(double seconds, String springStartedIn) {
    }

    StartUp startUp() {
        return new StartUp(launchToHealthy.toMillis() / 1000.0, springStartedIn().orElse("?"));
    }

    /** Spring Boot's own "Started … in X seconds" (JVM start to context ready), from the portal's log. */
    Optional<String> springStartedIn() {
        try {
            Matcher m = SPRING_STARTED.matcher(Files.readString(process.log()));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    record Memory(OptionalLong rssKib, Optional<String> heap, OptionalLong postgresPssKib, int postgresProcesses) {
    }

    /** The portal JVM's RSS, its heap as the JVM reports it (jcmd, when the JDK has it), and the database's share. */
    /** CPU milliseconds used so far by the portal's JVM and by its PostgreSQL (all its processes). */
    record Cpu(long portalMillis, long databaseMillis) {
    }

    Cpu cpu() {
        long database = postmasterPid().map(postmaster -> ProcFs.withDescendants(postmaster).stream()
                .mapToLong(ProcFs::cpuMillis).sum()).orElse(0L);
        return new Cpu(ProcFs.cpuMillis(process.pid()), database);
    }

    Memory memory() {
        OptionalLong postgres = OptionalLong.empty();
        int postgresProcesses = 0;
        Optional<Long> postmaster = postmasterPid();
        if (postmaster.isPresent()) {
            List<Long> pids = ProcFs.withDescendants(postmaster.get());
            postgresProcesses = pids.size();
            postgres = OptionalLong.of(pids.stream().mapToLong(pid -> ProcFs.pssKib(pid).orElse(0)).sum());
        }
        return new Memory(ProcFs.rssKib(process.pid()), heapInfo(), postgres, postgresProcesses);
    }

    private Optional<String> heapInfo() {
        Path jcmd = Path.of(BenchRun.javaExecutable()).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(out);
            return m.find() ? Optional.of(String.format("heap used %d MiB of %d MiB committed",
                    Long.parseLong(m.group(2)) / 1024, Long.parseLong(m.group(1)) / 1024)) : Optional.empty();
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    private Optional<Long> postmasterPid() {
        try {
            Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
            return Files.exists(pidFile)
                    ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stops the portal (it stops its PostgreSQL), then any PostgreSQL left behind, then removes the data. */
    @Override
    public void close() {
        Optional<Long> postmaster = postmasterPid();
        process.stop(Duration.ofSeconds(60));
        postmaster.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(pg -> {
            System.out.println("PostgreSQL " + pg.pid() + " outlived the portal: stopping it");
            pg.destroy();
            try {
                pg.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                pg.destroyForcibly();
            }
        });
        if (!settings.keepData()) {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not remove " + root + ": " + e.getMessage());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
