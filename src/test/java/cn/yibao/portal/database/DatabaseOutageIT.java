package cn.yibao.portal.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.PortalApplication;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.SandboxSignIn;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The database goes away and comes back: meanwhile every request answers 503 with Retry-After within the acquire
 * timeout (never a hang, never a 500) and the health check says DOWN; afterwards the portal serves again by itself,
 * with nobody restarting it. The portal here has a PostgreSQL server of its own that the test stops and starts.
 */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"sandbox", "test"})
// A context of its own (its own pool or database): closed after this class, not kept for the other tests.
@DirtiesContext
class DatabaseOutageIT {

    private static Path dataDirectory;
    private static int databasePort;
    private static EmbeddedPostgres database;

    @LocalServerPort
    private int port;

    @Value("${portal.sandbox.issuer-base-url}")
    private String issuerBaseUrl;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = Files.createTempDirectory("outage-it");
        database = start(0);
        databasePort = database.getPort();
        String password = EmbeddedPostgresEnvironment.applicationRole(database);
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://localhost:" + databasePort + "/postgres");
        registry.add("spring.r2dbc.username", () -> EmbeddedPostgresEnvironment.APP_ROLE);
        registry.add("spring.r2dbc.password", () -> password);
        registry.add("spring.flyway.url", () -> "jdbc:postgresql://localhost:" + databasePort + "/postgres");
        registry.add("spring.flyway.user", () -> "postgres");
        registry.add("spring.flyway.password", () -> "");
    }

    private static EmbeddedPostgres start(int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setServerConfig("timezone", "Asia/Shanghai");
        return (port == 0 ? builder : builder.setPort(port)).start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void whileTheDatabaseIsDownRequestsGet503QuicklyAndServiceResumesByItselfWhenItReturns() throws Exception {
        WebTestClient portal = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
        String token = SandboxSignIn.against("http://localhost:" + port, issuerBaseUrl)
                .accessToken("outage-" + System.nanoTime(), FreshResidents.adultIn("141121", "骆大河"));
        portal.get().uri("/api/v1/contributions?year=2024").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();

        database.close();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            portal.get().uri("/api/v1/contributions?year=2024").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("系统繁忙"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no longer than the acquire timeout and a little")
                    .isLessThan(Duration.ofSeconds(4));
        }
        portal.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN");

        database = start(databasePort);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            Thread.sleep(250);
            status = portal.get().uri("/api/v1/contributions?year=2024").headers(h -> h.setBearerAuth(token))
                    .exchange().returnResult(Void.class).getStatus().value();
        }
        assertThat(status).as("served again once the database is back, without a restart").isEqualTo(200);
        portal.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
