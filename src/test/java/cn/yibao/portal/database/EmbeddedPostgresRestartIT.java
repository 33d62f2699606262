package cn.yibao.portal.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A persistent data directory survives a clean restart and a crash that leaves the server running. */
class EmbeddedPostgresRestartIT {

    @TempDir
    Path dataDirectory;

    @Test
    void committedRowsSurviveALeftoverServerBeingStoppedAndANewOneStarted() throws Exception {
        EmbeddedPostgres first = start();
        execute(first, "create table kept (value text); insert into kept values ('before the crash')");
        // The JVM "dies": nobody closes the first server, it keeps running on the data directory.
        ProcessHandle postmaster = postmaster();
        assertThat(postmaster.isAlive()).isTrue();

        assertThat(LeftoverPostgres.stopIfRunning(dataDirectory)).isPresent();
        assertThat(postmaster.isAlive()).isFalse();
        // Only to release the directory lock the first instance holds inside this JVM (a dead JVM holds none).
        first.close();

        try (EmbeddedPostgres second = start()) {
            assertThat(queryOne(second, "select value from kept")).isEqualTo("before the crash");
            assertThat(LeftoverPostgres.stopIfRunning(Path.of("/nonexistent"))).isEmpty();
        }
    }

    @Test
    void aStalePidFileIsLeftAlone() throws Exception {
        try (EmbeddedPostgres server = start()) {
            execute(server, "select 1");
        }
        Files.writeString(dataDirectory.resolve("postmaster.pid"), "999999\n");

        assertThat(LeftoverPostgres.stopIfRunning(dataDirectory)).isEmpty();
        try (EmbeddedPostgres restarted = start()) {
            assertThat(queryOne(restarted, "select 'up'")).isEqualTo("up");
        }
    }

    private ProcessHandle postmaster() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private EmbeddedPostgres start() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
    }

    private static void execute(EmbeddedPostgres server, String sql) throws Exception {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryOne(EmbeddedPostgres server, String sql) throws Exception {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
