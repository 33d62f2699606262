package cn.yibao.portal.bench;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark (README "Benchmarks"; started by src/bench/run.sh): starts the hello server and the portal as their
 * own JVMs, measures hello, then each target, then hello again, with the same load generator and connection count (the
 * ratios use the mean of the two hello runs: the machine drifts), prints one table
 * with the goals, start-up time and memory, and stops everything it started, also on failure or Ctrl-C.
 */
public final class BenchRun {

    private static final List<AutoCloseable> RUNNING = new ArrayList<>();

    private BenchRun() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Exception e) {
            System.out.println("benchmark failed: " + e);
            e.printStackTrace(System.out);
            stopAll();
            System.exit(1);
        }
        stopAll();
        System.exit(0);
    }

    private static void run() throws Exception {
        long begun = System.nanoTime();
        Settings settings = Settings.fromSystemProperties();
        ChildProcess.remember(settings.pidFile(), ProcessHandle.current().pid());
        String cores = String.valueOf(Runtime.getRuntime().availableProcessors());
        String loadBefore = ProcFs.loadAverage();
        // Ctrl-C or a timeout's SIGTERM: still stop the portal (and its PostgreSQL) and the hello server.
        Runtime.getRuntime().addShutdownHook(new Thread(BenchRun::stopAll, "bench-cleanup"));
        System.out.printf("machine: %s cores; load average %s when the command started, %s now (before the portal)%n",
                cores, settings.loadAtCommandStart().isBlank() ? "n/a" : settings.loadAtCommandStart(), loadBefore);
        System.out.printf("load: %d connections, closed loop, warm-up %d s then %d s measured per target%n",
                settings.connections(), settings.warmUp().toSeconds(), settings.measure().toSeconds());

        int helloPort = Portal.freePort();
        ChildProcess hello = startHello(settings, helloPort);
        Optional<Portal.StartUp> plainStartUp = Optional.empty();
        if (settings.withCds()) {
            // The plain jar's start-up, for comparison; the measured portal then runs as production is advised to.
            try (Portal plain = Portal.start(settings, false)) {
                plainStartUp = Optional.of(plain.startUp());
            }
        }
        Portal portal = Portal.start(settings);
        RUNNING.add(portal);
        System.out.printf(Locale.ROOT, "portal up: %.1f s from launch to /actuator/health UP (Spring: started in %s s)%n",
                portal.launchToHealthy.toMillis() / 1000.0, portal.springStartedIn().orElse("?"));

        Result helloBefore = measureHello(settings, helloPort, "before");

        List<Result> results = new ArrayList<>();
        Map<String, Goal> goals = new LinkedHashMap<>();
        Targets targets = new Targets(new Sandbox(portal.baseUrl, portal.issuerUrl), settings);
        try (LoadGenerator load = new LoadGenerator(portal.baseUrl, settings.connections())) {
            for (Target target : targets.all()) {
                System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " measuring " + target.label() + "…");
                Target.RequestSource source = target.prepare().get();
                load.warmUp(target, source, settings.warmUp());
                Portal.Cpu before = portal.cpu();
                Result result = load.measure(target, source, settings.measure()).withCpu(before, portal.cpu());
                results.add(result);
                goals.put(result.label(), target.goal());
            }
        }
        Portal.Memory memory = portal.memory();
        // Measured again at the end: on a shared machine the baseline drifts, and the ratios use the mean of both.
        Result helloAfter = measureHello(settings, helloPort, "after");
        hello.stop(Duration.ofSeconds(10));

        System.out.println();
        Report.print(helloBefore, helloAfter, results, goals);
        Report.printLegend();
        Report.printErrors(results);
        System.out.println();
        double startSeconds = portal.launchToHealthy.toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "start-up (embedded PostgreSQL, fresh data directory%s): %.1f s launch → health UP"
                        + " (Spring: started in %s s); goal ≤ 10 s: %s%n",
                settings.withCds() ? ", extracted jar with a class data sharing archive" : "", startSeconds,
                portal.springStartedIn().orElse("?"), startSeconds <= 10 ? "met" : "NOT met");
        plainStartUp.ifPresent(plain -> System.out.printf(Locale.ROOT, "start-up of the plain jar (java -jar, no archive):"
                + " %.1f s launch → health UP (Spring: started in %s s)%n", plain.seconds(), plain.springStartedIn()));
        System.out.printf("memory after the load: portal JVM RSS %s; %s; embedded PostgreSQL %s%n",
                memory.rssKib().isPresent() ? memory.rssKib().getAsLong() / 1024 + " MiB" : "n/a",
                memory.heap().orElse("heap n/a"),
                memory.postgresPssKib().isPresent() ? memory.postgresProcesses() + " processes, PSS "
                        + memory.postgresPssKib().getAsLong() / 1024 + " MiB" : "n/a");
        System.out.printf("machine: %s cores; load average %s at the start, %s at the end (with this run's own load)%n",
                cores, loadBefore, ProcFs.loadAverage());
        System.out.printf(Locale.ROOT, "benchmark run (after the build): %.0f s; portal log: %s%n",
                (System.nanoTime() - begun) / 1e9, settings.workDir().resolve("portal.log"));
    }

    private static Result measureHello(Settings settings, int port, String when) throws Exception {
        try (LoadGenerator load = new LoadGenerator("http://127.0.0.1:" + port, settings.connections())) {
            System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " measuring hello (Reactor Netty), "
                    + when + "…");
            Target target = Targets.hello();
            Result result = load.run(target, target.prepare().get(), settings.warmUp(), settings.measure());
            return result.relabelled(result.label() + ", " + when);
        }
    }

    private static ChildProcess startHello(Settings settings, int port) throws Exception {
        ChildProcess hello = ChildProcess.start("hello", List.of(javaExecutable(), "-cp",
                        System.getProperty("java.class.path"), HelloServer.class.getName(), String.valueOf(port)),
                Map.of(), settings.workDir().resolve("hello.log"), settings.pidFile());
        RUNNING.add(() -> hello.stop(Duration.ofSeconds(10)));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!java.nio.file.Files.readString(hello.log()).contains("hello server on")) {
            if (!hello.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the hello server did not start; see " + hello.log());
            }
            Thread.sleep(50);
        }
        return hello;
    }

    /** The java of this JVM: the portal and the hello server run on the same JDK. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static synchronized void stopAll() {
        if (!RUNNING.isEmpty()) {
            System.out.println("stopping the portal and the hello server…");
        }
        for (int i = RUNNING.size() - 1; i >= 0; i--) {
            try {
                RUNNING.get(i).close();
            } catch (Exception e) {
                System.out.println("clean-up: " + e);
            }
        }
        RUNNING.clear();
    }
}
