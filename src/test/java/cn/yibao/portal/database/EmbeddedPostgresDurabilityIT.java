package cn.yibao.portal.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * The database that {@code ./mvnw spring-boot:run} keeps commits durably: PostgreSQL's own settings, not the
 * embedded server's test defaults (fsync and synchronous_commit off), which only throw-away databases may keep.
 */
class EmbeddedPostgresDurabilityIT {

    @TempDir
    Path dataDir;

    @AfterEach
    void stopTheServer() {
        LeftoverPostgres.stopIfRunning(dataDir.resolve("postgres").toAbsolutePath().normalize());
    }

    @Test
    void theKeptDatabaseHasPostgresDurableSettings() throws Exception {
        MockEnvironment environment = new MockEnvironment().withProperty("portal.data-dir", dataDir.toString());

        new EmbeddedPostgresEnvironment(Supplier<Log>::get).postProcessEnvironment(environment, new SpringApplication());

        try (Connection owner = DriverManager.getConnection(environment.getProperty("spring.flyway.url"), "postgres", "");
             Statement statement = owner.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
        }
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
