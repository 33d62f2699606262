package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.ApiContract;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.SandboxSignIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Killing the app between the channel's payment and the notification loses nothing. The portal runs as its own
 * process on a persistent data directory; after the payer has paid at the sandbox it is killed with SIGKILL (its
 * embedded PostgreSQL keeps running, as after a real crash), then started again on the same directory. One order's
 * notification was still in the sandbox's outbox when the app died, the other's was never going to come: after the
 * restart the notification completes the first and the sweeper the second.
 */
class PaymentRestartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELF_2024 = "{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}";

    private final String run = "run-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path dataDir = Path.of("target", "restart-it", run).toAbsolutePath();
    private final List<PortalProcess> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (PortalProcess portal : started) {
            portal.stop();
        }
        PortalProcess.stopLeftoverPostgres(dataDir);
        if (Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private PortalProcess start(String name, Map<String, String> settings) throws IOException, InterruptedException {
        PortalProcess portal = PortalProcess.start(dataDir, dataDir.resolveSibling(run + "-" + name + ".log"), settings);
        started.add(portal);
        return portal.awaitUp(Duration.ofSeconds(90));
    }

    @Test
    void killingTheAppBetweenTheChannelsPaymentAndTheNotificationLosesNothing() throws Exception {
        String silentPayer = FreshResidents.adultIn("141121", "燕小乙");
        String notifiedPayer = FreshResidents.adultIn("141121", "方腊");
        // Before the crash the sweeper would wait ten minutes, and the late notification is due 8 s after paying.
        PortalProcess first = start("first", Map.of(
                "portal.payment.query-after", "PT10M",
                "portal.payment.sandbox.late-delay", "PT8S"));
        Api yan = new Api(first, silentPayer);
        Api fang = new Api(first, notifiedPayer);
        String silent = yan.placeSelfOrder();
        String notified = fang.placeSelfOrder();
        String silentOrderNo = yan.orderNo(silent);
        String notifiedOrderNo = fang.orderNo(notified);
        yan.payAtSandbox(silentOrderNo, "NONE");
        fang.payAtSandbox(notifiedOrderNo, "LATE");
        first.kill();

        // The crash left the database as it was at that moment: paid at the channel, not known here.
        try (Connection db = database()) {
            assertThat(one(db, "select status from payment_order where order_no = ?", silentOrderNo))
                    .isEqualTo("AWAITING_PAYMENT");
            assertThat(one(db, "select status from payment_order where order_no = ?", notifiedOrderNo))
                    .isEqualTo("AWAITING_PAYMENT");
            assertThat(one(db, "select status from sandbox_payment where order_no = ?", silentOrderNo)).isEqualTo("PAID");
            assertThat(one(db, "select status from sandbox_payment where order_no = ?", notifiedOrderNo)).isEqualTo("PAID");
            assertThat(one(db, "select count(*) from sandbox_notification where order_no = ? and delivered_at is null",
                    notifiedOrderNo)).as("the notification is still waiting in the sandbox's outbox").isEqualTo("1");
        }

        // After the restart the sweeper asks about waiting orders every second, but only from 12 s on, so that
        // the outbox (which starts sending after 2 s) gets to the notified order first.
        PortalProcess second = start("second", Map.of(
                "portal.payment.query-after", "PT1S",
                "portal.payment.sweep-interval", "PT1S",
                "portal.payment.sweep-initial-delay", "PT12S"));
        new Api(second, notifiedPayer).waitForStatus(notified, "PAID", Duration.ofSeconds(30));
        new Api(second, silentPayer).waitForStatus(silent, "PAID", Duration.ofSeconds(30));

        try (Connection db = database()) {
            assertThat(causesOfPaid(db, notifiedOrderNo)).containsExactly("NOTIFICATION");
            assertThat(causesOfPaid(db, silentOrderNo)).containsExactly("CHANNEL_QUERY");
            assertThat(one(db, "select count(*) from payment_item i join payment_order o on o.id = i.order_id "
                    + "where o.order_no in (?, ?) and i.state = 'PAID' and i.receipt_no is not null",
                    silentOrderNo, notifiedOrderNo)).isEqualTo("2");
        }
    }

    @Test
    void aPaymentAcknowledgedJustBeforeThePortalAndItsDatabaseAreKilledIsPaidAfterTheRestart() throws Exception {
        String payer = FreshResidents.adultIn("141121", "史大郎");
        PortalProcess first = start("first", Map.of());
        try (Connection db = database()) {
            // The kept database commits durably (the embedded server's own defaults turn both off).
            assertThat(one(db, "show synchronous_commit")).isEqualTo("on");
            assertThat(one(db, "show fsync")).isEqualTo("on");
        }
        Api api = new Api(first, payer);
        String paid = api.placeSelfOrder();
        api.payAtSandbox(api.orderNo(paid), "ONCE");
        api.waitForStatus(paid, "PAID", Duration.ofSeconds(20));

        // Right after the payer saw 已支付: the portal and every PostgreSQL process die at once.
        first.kill();
        PortalProcess.killPostgres(dataDir);

        PortalProcess second = start("second", Map.of());
        assertThat(new Api(second, payer).status(paid)).isEqualTo("PAID");
        try (Connection db = database()) {
            assertThat(one(db, "select count(*) from payment_item i join payment_order o on o.id = i.order_id "
                    + "where o.id = cast(? as uuid) and i.state = 'PAID' and i.receipt_no is not null", paid))
                    .isEqualTo("1");
        }
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + PortalProcess.postgresPort(dataDir)
                + "/postgres", "postgres", "");
    }

    private static String one(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).as(sql).isTrue();
                return result.getString(1);
            }
        }
    }

    private static List<String> causesOfPaid(Connection db, String orderNo) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("select e.cause from payment_event e join payment_order o "
                + "on o.id = e.order_id where o.order_no = ? and e.to_status = 'PAID' order by e.id")) {
            statement.setString(1, orderNo);
            List<String> causes = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    causes.add(result.getString(1));
                }
            }
            return causes;
        }
    }

    /** The payment API of one running portal, as one resident. */
    private static final class Api {

        private final WebTestClient portal;
        private final String token;

        Api(PortalProcess process, String claims) {
            this.portal = WebTestClient.bindToServer().baseUrl(process.baseUrl())
                    .responseTimeout(Duration.ofSeconds(30)).filter(ApiContract.check()).build();
            this.token = SandboxSignIn.against(process.baseUrl(), process.issuerBaseUrl())
                    .accessToken("restart-" + UUID.randomUUID(), claims);
        }

        String placeSelfOrder() {
            JsonNode created = JSON.readTree(portal.post().uri("/api/v1/payments")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .header("Idempotency-Key", "key-" + UUID.randomUUID())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(SELF_2024)
                    .exchange().expectStatus().isCreated()
                    .expectBody().returnResult().getResponseBody());
            assertThat(created.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
            return created.get("paymentId").asString();
        }

        JsonNode payment(String paymentId) {
            return JSON.readTree(portal.get().uri("/api/v1/payments/" + paymentId)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody());
        }

        String orderNo(String paymentId) {
            return payment(paymentId).get("orderNo").asString();
        }

        String status(String paymentId) {
            return payment(paymentId).get("status").asString();
        }

        void payAtSandbox(String orderNo, String notification) {
            portal.post().uri("/sandbox-pay/api/orders/" + orderNo + "/pay").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"notification\":\"" + notification + "\"}")
                    .exchange().expectStatus().isOk();
        }

        void waitForStatus(String paymentId, String status, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            JsonNode payment = payment(paymentId);
            while (!status.equals(payment.get("status").asString()) && System.nanoTime() < deadline) {
                Thread.sleep(250);
                payment = payment(paymentId);
            }
            assertThat(payment.get("status").asString()).as("%s", payment).isEqualTo(status);
        }
    }
}
