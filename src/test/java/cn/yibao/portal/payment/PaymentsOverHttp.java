package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the payment ITs do over HTTP: sign in a fresh resident of 文水县 (141121, 2024 adult due 380 元), place orders,
 * pay at the sandbox's JSON API, and read orders back. Fresh residents only: all ITs share one database, and the demo
 * logins belong to the browser journeys.
 */
abstract class PaymentsOverHttp extends PortalIntegrationTest {

    static final String WENSHUI = "141121";
    static final long WENSHUI_ADULT_2024_FEN = 38000;
    static final String SELF_2024 = "{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}";

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A resident nobody else uses, signed in for the API. */
    record Payer(String token, String claims) {

        String certno() {
            return JSON.readTree(claims).get("certno").asString();
        }

        String name() {
            return JSON.readTree(claims).get("name").asString();
        }
    }

    Payer freshPayer(String name) {
        return freshPayerIn(WENSHUI, name);
    }

    Payer freshPayerIn(String region, String name) {
        String claims = FreshResidents.adultIn(region, name);
        return new Payer(signIn.accessToken("pay-" + UUID.randomUUID(), claims), claims);
    }

    static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    JsonNode create(Payer payer, String key, String body, int expectedStatus) {
        byte[] response = portal.post().uri("/api/v1/payments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + payer.token())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(expectedStatus)
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(response);
    }

    /** A new order for the payer alone, for 2024; answers its paymentId. */
    String placeSelfOrder(Payer payer) {
        JsonNode created = create(payer, newKey(), SELF_2024, 201);
        assertThat(created.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(created.get("amountFen").asLong()).isEqualTo(WENSHUI_ADULT_2024_FEN);
        return created.get("paymentId").asString();
    }

    JsonNode payment(Payer payer, String paymentId) {
        byte[] response = portal.get().uri("/api/v1/payments/" + paymentId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + payer.token())
                .exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(response);
    }

    String orderNo(Payer payer, String paymentId) {
        return payment(payer, paymentId).get("orderNo").asString();
    }

    String status(Payer payer, String paymentId) {
        return payment(payer, paymentId).get("status").asString();
    }

    /** Pays at the sandbox's own API (as a mobile-app developer would with curl); answers the transaction id. */
    String payAtSandbox(String orderNo, String notification) {
        byte[] response = portal.post().uri("/sandbox-pay/api/orders/" + orderNo + "/pay")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"notification\":\"" + notification + "\"}")
                .exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode paid = JSON.readTree(response);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        return paid.get("transactionId").asString();
    }

    JsonNode waitForStatus(Payer payer, String paymentId, String status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode payment = payment(payer, paymentId);
        while (!status.equals(payment.get("status").asString()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            payment = payment(payer, paymentId);
        }
        assertThat(payment.get("status").asString()).as("status of %s", payment).isEqualTo(status);
        return payment;
    }

    /** A payment operator of 文水 (the region of every fresh payer here), as the refund service sees them. */
    static Refunds.Operator wenshuiOperator(String staffId) {
        return new Refunds.Operator(new StaffIdentity("sub-" + staffId, staffId, "运营员", WENSHUI,
                List.of("PAYMENT_OPERATOR"), "文水县医疗保障服务中心"), null);
    }

    /** An operator's refund in its two steps: the preview, then the confirmation of what it showed. */
    static Refunds.Outcome operatorRefund(Refunds refunds, Refunds.Operator operator, String orderNo, String reason) {
        Refunds.Outcome preview = refunds.preview(operator, orderNo, reason).block();
        return preview instanceof Refunds.Preview shown
                ? refunds.confirm(operator, orderNo, reason, shown.confirmation()).block() : preview;
    }

    /** {@code owner} invites {@code member} (an adult), who accepts from her own sign-in; answers the member id. */
    String bindAsFamily(Payer owner, Payer member) {
        return bindAsFamily(owner, member, "SPOUSE");
    }

    /** The same, with the member's relation to the owner (SPOUSE, PARENT, OTHER…). */
    String bindAsFamily(Payer owner, Payer member, String relation) {
        // The member's first API call registers her with the portal; only then can someone find her to bind.
        portal.get().uri("/api/v1/family/invitations").header(HttpHeaders.AUTHORIZATION, "Bearer " + member.token())
                .exchange().expectStatus().isOk();
        JsonNode bound = JSON.readTree(portal.post().uri("/api/v1/family")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"certno\":\"" + member.certno() + "\",\"name\":\"" + member.name() + "\",\"relation\":\"" + relation + "\"}")
                .exchange().expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody());
        JsonNode invitations = JSON.readTree(portal.get().uri("/api/v1/family/invitations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + member.token())
                .exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        assertThat(invitations).hasSize(1);
        portal.post().uri("/api/v1/family/invitations/" + invitations.get(0).get("bindingId").asString() + "/accept")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + member.token())
                .exchange().expectStatus().isNoContent();
        return bound.get("memberId").asString();
    }

    /** Posts a notification to the portal's notify endpoint as the channel would; answers the HTTP status. */
    int deliver(SandboxNotifications.Signed notification) {
        return portal.post().uri(SandboxNotifications.NOTIFY_PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Sandbox-Timestamp", notification.timestamp())
                .header("X-Sandbox-Nonce", notification.nonce())
                .header("X-Sandbox-Signature", notification.signature())
                .bodyValue(notification.body())
                .exchange()
                .returnResult(Void.class).getStatus().value();
    }

    /** The token in a receipt's verification link (the receipt's QR code). */
    static String receiptToken(JsonNode receipt) {
        String url = receipt.get("verificationUrl").asString();
        return url.substring(url.indexOf("t=") + 2);
    }

    /** What the public verification says of a code: {valid, reason, …}. */
    JsonNode verify(String token) {
        return JSON.readTree(portal.post().uri("/api/v1/codes/verify").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("token", token)).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    long count(String sql, Object... parameters) {
        var spec = database.sql(sql);
        for (int i = 0; i < parameters.length; i++) {
            spec = spec.bind(i, parameters[i]);
        }
        return spec.map(row -> row.get(0, Long.class)).one().block();
    }

    String text(String sql, Object... parameters) {
        var spec = database.sql(sql);
        for (int i = 0; i < parameters.length; i++) {
            spec = spec.bind(i, parameters[i]);
        }
        return spec.map(row -> row.get(0, String.class)).one().blockOptional().orElse(null);
    }

    void execute(String sql, Object... parameters) {
        var spec = database.sql(sql);
        for (int i = 0; i < parameters.length; i++) {
            spec = spec.bind(i, parameters[i]);
        }
        spec.fetch().rowsUpdated().block();
    }

    /** The order's status changes as recorded, oldest first: "FROM→TO CAUSE". */
    List<String> events(String paymentId) {
        return database.sql("select coalesce(from_status, '') || '→' || to_status || ' ' || cause as e from payment_event "
                        + "where order_id = $1 order by id")
                .bind(0, UUID.fromString(paymentId))
                .map(row -> row.get("e", String.class)).all().collectList().block();
    }

    long eventsTo(String paymentId, String status) {
        return count("select count(*) from payment_event where order_id = $1 and to_status = $2",
                UUID.fromString(paymentId), status);
    }

    List<String> itemStates(String paymentId) {
        return database.sql("select state from payment_item where order_id = $1 order by insured_id")
                .bind(0, UUID.fromString(paymentId))
                .map(row -> row.get("state", String.class)).all().collectList().block();
    }
}
