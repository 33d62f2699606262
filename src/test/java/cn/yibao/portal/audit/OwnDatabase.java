package cn.yibao.portal.audit;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A database of a test's own on the shared embedded server, migrated like the real one, for what only the owner can
 * stage (rows stored long ago, rows from before a migration). The application's role works in it as usual.
 */
final class OwnDatabase implements AutoCloseable {

    private final Environment environment;
    private final String name = "audit_" + UUID.randomUUID().toString().replace("-", "");
    private final ConnectionFactory application;

    OwnDatabase(Environment environment) throws SQLException {
        this.environment = environment;
        try (Connection owner = owner("postgres"); Statement statement = owner.createStatement()) {
            statement.execute("create database " + name);
        }
        application = ConnectionFactories.get(ConnectionFactoryOptions.parse(
                        environment.getRequiredProperty("spring.r2dbc.url").replaceFirst("/postgres$", "/" + name)).mutate()
                .option(ConnectionFactoryOptions.USER, environment.getRequiredProperty("spring.r2dbc.username"))
                .option(ConnectionFactoryOptions.PASSWORD, environment.getRequiredProperty("spring.r2dbc.password"))
                .build());
    }

    /** Migrates up to and including {@code version}, or to the latest when {@code null}. */
    OwnDatabase migrate(String version) {
        Flyway.configure().dataSource(url(name), environment.getRequiredProperty("spring.flyway.user"),
                        environment.getProperty("spring.flyway.password", ""))
                .locations("classpath:db/migration")
                .target(version == null ? MigrationVersion.LATEST : MigrationVersion.fromVersion(version))
                .load().migrate();
        return this;
    }

    DatabaseClient application() {
        return DatabaseClient.create(application);
    }

    AuditChain chain() {
        return new AuditChain(application(), new R2dbcTransactionManager(application));
    }

    Connection owner() throws SQLException {
        return owner(name);
    }

    private Connection owner(String database) throws SQLException {
        return DriverManager.getConnection(url(database), environment.getRequiredProperty("spring.flyway.user"),
                environment.getProperty("spring.flyway.password", ""));
    }

    private String url(String database) {
        return environment.getRequiredProperty("spring.flyway.url").replaceFirst("/postgres$", "/" + database);
    }

    @Override
    public void close() throws SQLException {
        try (Connection owner = owner("postgres"); Statement statement = owner.createStatement()) {
            statement.execute("drop database " + name + " with (force)");
        }
    }
}
