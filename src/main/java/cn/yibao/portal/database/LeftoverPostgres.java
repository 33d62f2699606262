package cn.yibao.portal.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * When the portal's JVM dies without shutting down (kill -9, power loss), its embedded PostgreSQL keeps running
 * and holds the data directory, so the next start would fail. Before starting, stop such a leftover server: only
 * a live process that {@code postmaster.pid} names and whose command line is a postgres on this very directory.
 * A smart shutdown (SIGTERM) checkpoints cleanly, so nothing committed is lost.
 */
final class LeftoverPostgres {

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private LeftoverPostgres() {
    }

    /** @return a description of what was stopped, if anything */
    static Optional<String> stopIfRunning(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        Optional<ProcessHandle> leftover = firstLine(pidFile)
                .flatMap(LeftoverPostgres::pid)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> isPostgresOn(process, dataDirectory));
        if (leftover.isEmpty()) {
            return Optional.empty(); // a stale pid file: PostgreSQL itself ignores it
        }
        ProcessHandle process = leftover.get();
        process.destroy();
        try {
            process.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping leftover PostgreSQL " + process.pid(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Leftover PostgreSQL (pid " + process.pid() + ") on " + dataDirectory
                    + " did not stop within " + SHUTDOWN_WAIT.toSeconds() + " s; stop it by hand", e);
        }
        return Optional.of("stopped leftover PostgreSQL (pid " + process.pid() + ") from an earlier run");
    }

    private static boolean isPostgresOn(ProcessHandle process, Path dataDirectory) {
        // /proc holds the full argument list on Linux; ProcessHandle.Info may only have the command.
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        String arguments;
        try {
            arguments = Files.isReadable(cmdline)
                    ? Files.readString(cmdline).replace('\0', ' ')
                    : process.info().commandLine().orElse("");
        } catch (IOException e) {
            return false;
        }
        return arguments.contains("postgres") && arguments.contains(dataDirectory.toString());
    }

    private static Optional<String> firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> pid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
