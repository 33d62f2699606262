package cn.yibao.portal.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The knobs, read from {@code -Dbench.*} system properties (run.sh passes its own {@code -D} arguments through), so
 * that a quick look at one target or a longer, quieter measurement needs no code change.
 */
record Settings(int connections, Duration warmUp, Duration measure, Path jar, Path workDir, Set<String> only,
                int sessions, int qrTokens, int orderWarmUpTokens, int orderTokens, int verifyPerMinute, Duration startTimeout,
                Duration setupTimeout, String portalJvmArgs, boolean keepData, String loadAtCommandStart,
                Path pidFile, Path cdsJar, Path cdsArchive) {

    /** The order-creation goal (new orders per second); the token supply is sized from it. */
    static final int ORDER_GOAL_PER_SECOND = 1000;

    static Settings fromSystemProperties() {
        int connections = Integer.getInteger("bench.connections", 64);
        // Long enough for the JIT: with 5 s the compiler threads still took a third of the CPU while measuring.
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup", 15));
        Duration measure = Duration.ofSeconds(Long.getLong("bench.duration", 10));
        // At most enough fresh residents to run at the goal rate through the measurement, plus a margin; if the portal
        // is faster than that, the phase ends early when they run out and the report says so.
        int orderTokens = Integer.getInteger("bench.orders.tokens",
                (int) (ORDER_GOAL_PER_SECOND * measure.toSeconds() * 11 / 10));
        String only = System.getProperty("bench.only", "");
        return new Settings(connections, warmUp, measure,
                Path.of(System.getProperty("bench.jar", "target/resident-portal-0.1.0-SNAPSHOT.jar")),
                Path.of(System.getProperty("bench.workDir", "target/bench")),
                only.isBlank() ? Set.of() : Arrays.stream(only.split(",")).map(String::strip).collect(Collectors.toSet()),
                Integer.getInteger("bench.sessions", 8),
                Integer.getInteger("bench.qr.tokens", 1000),
                Integer.getInteger("bench.orders.warmupTokens", 2000),
                orderTokens,
                // The staff verification route is rate-limited per client address (default 30 a minute); every
                // request of the benchmark comes from 127.0.0.1, so the limit is lifted for this run only.
                Integer.getInteger("bench.verifyPerMinute", 60_000),
                Duration.ofSeconds(Long.getLong("bench.startTimeout", 120)),
                Duration.ofSeconds(Long.getLong("bench.setupTimeout", 90)),
                System.getProperty("bench.portal.jvmArgs", ""),
                Boolean.getBoolean("bench.keepData"),
                System.getProperty("bench.loadAtCommandStart", ""),
                Path.of(System.getProperty("bench.pidFile", "target/bench/pids")),
                optionalPath("bench.cdsJar"), optionalPath("bench.cdsArchive"));
    }

    private static Path optionalPath(String property) {
        String value = System.getProperty(property, "");
        return value.isBlank() ? null : Path.of(value);
    }

    /** The extracted jar and its class data sharing archive, when run.sh made one. */
    boolean withCds() {
        return cdsJar != null && cdsArchive != null;
    }

    boolean includes(String target) {
        return only.isEmpty() || only.contains(target);
    }
}
