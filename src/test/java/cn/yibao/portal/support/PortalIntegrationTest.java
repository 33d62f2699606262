package cn.yibao.portal.support;

import cn.yibao.portal.PortalApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole portal on a random port with its sandbox issuer (random port) and an ephemeral embedded PostgreSQL,
 * driven over real HTTP. Every IT shares this one context.
 */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"sandbox", "test"})
public abstract class PortalIntegrationTest {

    @LocalServerPort
    protected int port;

    @Value("${portal.sandbox.issuer-base-url}")
    protected String issuerBaseUrl;

    @Autowired
    protected Environment environment;

    @Autowired
    protected DatabaseClient database;

    protected WebTestClient portal;
    protected SandboxSignIn signIn;

    @BeforeEach
    void clients() {
        portal = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .filter(ApiContract.check())
                .build();
        signIn = new SandboxSignIn(portal, issuerBaseUrl);
    }

    protected long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    /**
     * The database as its owner, the role Flyway migrates as (a superuser in the sandbox), for tests that must go
     * around the application's restricted role. {@code database} above is the application's own connection.
     */
    protected Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.flyway.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getProperty("spring.flyway.password", ""));
    }
}
