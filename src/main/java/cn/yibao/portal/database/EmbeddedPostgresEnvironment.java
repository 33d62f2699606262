package cn.yibao.portal.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>The data directory persists under {@code portal.data-dir} so that a restart loses nothing;
 * {@code portal.embedded-db.ephemeral=true} (tests) uses a throw-away directory instead. One server per
 * directory per JVM: test suites boot several application contexts and they share it.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    private static final Map<String, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();
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
        EmbeddedPostgres postgres = RUNNING.computeIfAbsent(
                ephemeral ? EPHEMERAL : dataDirectory.toString(), key -> start(dataDirectory));
        int port = postgres.getPort();
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.r2dbc.url", "r2dbc:postgresql://localhost:" + port + "/postgres",
                "spring.r2dbc.username", "postgres",
                "spring.r2dbc.password", "",
                "spring.flyway.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "spring.flyway.user", "postgres",
                "spring.flyway.password", "")));
    }

    private EmbeddedPostgres start(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setServerConfig("max_connections", "50");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory.getParent());
                LeftoverPostgres.stopIfRunning(dataDirectory).ifPresent(log::warn);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port " + postgres.getPort()
                    + (dataDirectory == null ? " (ephemeral data)" : ", data in " + dataDirectory));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL"
                    + (dataDirectory == null ? "" : " in " + dataDirectory
                    + " (is another portal still running on this data directory?)"), e);
        }
    }

    @Override
    public int getOrder() {
        // After the config files are read, so that portal.* and spring.r2dbc.* from them are visible.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
