package cn.yibao.portal.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The portal as its own operating-system process (the test's classpath, {@code PortalApplication}'s main), so that
 * it can really be killed: {@link #kill()} is SIGKILL — no shutdown hooks, no graceful anything, and the embedded
 * PostgreSQL it started is left running on its data directory, as after a crash.
 */
final class PortalProcess {

    final int port;
    final int issuerPort;
    private final Process process;
    private final Path log;

    private PortalProcess(int port, int issuerPort, Process process, Path log) {
        this.port = port;
        this.issuerPort = issuerPort;
        this.process = process;
        this.log = log;
    }

    static PortalProcess start(Path dataDir, Path log, Map<String, String> settings) throws IOException {
        int port = freePort();
        int issuerPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "cn.yibao.portal.PortalApplication",
                "--spring.profiles.active=sandbox",
                "--spring.main.banner-mode=off",
                "--server.port=" + port,
                "--portal.sandbox.issuer-port=" + issuerPort,
                "--portal.data-dir=" + dataDir,
                "--portal.embedded-db.ephemeral=false"));
        settings.forEach((name, value) -> command.add("--" + name + "=" + value));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new PortalProcess(port, issuerPort, process, log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String issuerBaseUrl() {
        return "http://127.0.0.1:" + issuerPort;
    }

    /** Waits until the portal answers its health check. */
    PortalProcess awaitUp(Duration within) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the portal process exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the portal did not come up within " + within + ":\n" + logTail());
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the portal process did not die");
        }
    }

    /** A normal stop (SIGTERM): shutdown hooks run and stop its embedded PostgreSQL. */
    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The port of the PostgreSQL server running on this data directory, from its {@code postmaster.pid}. */
    static int postgresPort(Path dataDir) {
        return Integer.parseInt(postmasterLine(dataDir, 3).orElseThrow(() ->
                new AssertionError("no PostgreSQL is running on " + dataDir)));
    }

    /**
     * Stops the PostgreSQL a killed portal left running on this data directory (only a live postgres process on
     * exactly this directory, the one this test's portal started).
     */
    static void stopLeftoverPostgres(Path dataDir) throws InterruptedException {
        Optional<ProcessHandle> postgres = postmasterLine(dataDir, 0).map(Long::parseLong).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> commandLine(handle).contains("postgres")
                        && commandLine(handle).contains(dataDir.resolve("postgres").toString()));
        if (postgres.isPresent()) {
            postgres.get().destroy();
            try {
                postgres.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("leftover PostgreSQL " + postgres.get().pid() + " did not stop", e);
            }
        }
    }

    /**
     * kill -9 of the PostgreSQL on this data directory and all its processes at once, as a crash of the machine's
     * processes would: nothing is checkpointed, the next start recovers from the write-ahead log.
     */
    static void killPostgres(Path dataDir) throws InterruptedException {
        ProcessHandle postmaster = postmasterLine(dataDir, 0).map(Long::parseLong).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new AssertionError("no PostgreSQL is running on " + dataDir));
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("PostgreSQL process " + process.pid() + " did not die", e);
            }
        }
    }

    private static String commandLine(ProcessHandle handle) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(handle.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return handle.info().commandLine().orElse("");
        }
    }

    private static Optional<String> postmasterLine(Path dataDir, int index) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.size() > index ? Optional.of(lines.get(index).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
