package cn.yibao.portal.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts embedded PostgreSQL 18 when no database is configured ({@code spring.r2dbc.url} unset) and points R2DBC
 * and Flyway at it. This has to happen before the context is refreshed, because the connection factory and the
 * migrations are built from these properties.
 *
 * <p>The data directory persists under {@code portal.data-dir} with PostgreSQL's durable settings, so that a restart
 * (even after a crash) loses nothing committed;
 * {@code portal.embedded-db.ephemeral=true} (tests) uses a throw-away directory instead. One server per
 * directory per JVM: test suites boot several application contexts and they share it — except a context that names
 * its own throw-away server ({@code portal.embedded-db.ephemeral-name}), e.g. one running on another business date
 * whose demo records would otherwise show in the others.
 *
 * <p>As in production, Flyway migrates as the owner ({@code postgres}) while the application connects as the
 * restricted login role {@value #APP_ROLE} (no UPDATE, DELETE or TRUNCATE on the audit trail, granted by the
 * migrations). The role gets a fresh random password at every server start, so none is kept on disk.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    /** The application's database role; the migrations grant it its privileges. */
    static final String APP_ROLE = "portal_app";

    private static final Map<String, Server> RUNNING = new ConcurrentHashMap<>();
    private static final String EPHEMERAL = "<ephemeral>";

    private final Log log;

    public EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.r2dbc.url")
                || !environment.getProperty("portal.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        boolean ephemeral = environment.getProperty("portal.embedded-db.ephemeral", Boolean.class, false);
        Path dataDirectory = ephemeral ? null
                : Path.of(environment.getProperty("portal.data-dir", "./data"), "postgres").toAbsolutePath().normalize();
        String ephemeralName = EPHEMERAL + environment.getProperty("portal.embedded-db.ephemeral-name", "");
        Server server = RUNNING.computeIfAbsent(
                ephemeral ? ephemeralName : dataDirectory.toString(), key -> start(dataDirectory));
        int port = server.postgres().getPort();
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.r2dbc.url", "r2dbc:postgresql://localhost:" + port + "/postgres",
                "spring.r2dbc.username", APP_ROLE,
                "spring.r2dbc.password", server.appPassword(),
                "spring.flyway.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "spring.flyway.user", "postgres",
                "spring.flyway.password", "")));
    }

    private record Server(EmbeddedPostgres postgres, String appPassword) {
    }

    private Server start(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setServerConfig("max_connections", "50");
            if (dataDirectory != null) {
                // The kept database is durable: a commit survives a crash of the portal or of the machine. The
                // embedded server's defaults (fsync off, synchronous_commit off) are for throw-away test data only;
                // these settings come after them on the command line, so they win.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
                Files.createDirectories(dataDirectory.getParent());
                LeftoverPostgres.stopIfRunning(dataDirectory).ifPresent(log::warn);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port " + postgres.getPort()
                    + (dataDirectory == null ? " (ephemeral data)" : ", data in " + dataDirectory));
            return new Server(postgres, applicationRole(postgres));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL"
                    + (dataDirectory == null ? "" : " in " + dataDirectory
                    + " (is another portal still running on this data directory?)"), e);
        }
    }

    /** Creates the application's login role if missing and gives it a new random password; returns the password. */
    static String applicationRole(EmbeddedPostgres postgres) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        // URL-safe base64: letters, digits, '-' and '_' only, so it can stand in a SQL literal as is.
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APP_ROLE + "') "
                    + "then create role " + APP_ROLE + "; end if; end $$");
            statement.execute("alter role " + APP_ROLE + " with login password '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the database role " + APP_ROLE, e);
        }
        return password;
    }

    @Override
    public int getOrder() {
        // After the config files are read, so that portal.* and spring.r2dbc.* from them are visible.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
