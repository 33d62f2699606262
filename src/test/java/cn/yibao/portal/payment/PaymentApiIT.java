package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class PaymentApiIT extends PortalIntegrationTest {

    @Test
    void aWenshuiAdultPays380For2024ThroughTheSandboxAndGetsAReceipt() throws Exception {
        String token = signIn.accessToken("pay-api-1", FreshResidents.adultIn("141121", "韩立"));
        String key = "key-" + UUID.randomUUID();
        JsonNode created = create(token, key, "{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}", 201);
        assertThat(created.get("amountFen").asLong()).isEqualTo(38000);
        assertThat(created.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(created.get("payUrl").asString()).startsWith("/sandbox-pay/cashier/YB");
        String paymentId = created.get("paymentId").asString();

        JsonNode replay = create(token, key, "{\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\",\"year\":2024}", 200);
        assertThat(replay.get("paymentId").asString()).isEqualTo(paymentId);
        create(token, key, "{\"year\":2025,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}", 409);

        String orderNo = created.get("payUrl").asString().substring("/sandbox-pay/cashier/".length());
        portal.post().uri("/sandbox-pay/api/orders/" + orderNo + "/pay").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"notification\":\"ONCE\"}").exchange().expectStatus().isOk();

        JsonNode paid = waitForStatus(token, paymentId, "PAID");
        assertThat(paid.get("insured").get(0).get("state").asString()).isEqualTo("PAID");
        assertThat(paid.get("transactionId").asString()).startsWith("SB");

        JsonNode receipts = get(token, "/api/v1/receipts/" + paymentId, 200);
        assertThat(receipts).hasSize(1);
        assertThat(receipts.get(0).get("amountFen").asLong()).isEqualTo(38000);
        assertThat(receipts.get(0).get("insuredIdMasked").asString()).matches("141\\*{11}\\d{3}[0-9X]");

        String verificationUrl = receipts.get(0).get("verificationUrl").asString();
        String receiptToken = verificationUrl.substring(verificationUrl.indexOf("t=") + 2);
        portal.post().uri("/api/v1/codes/verify").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", receiptToken)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(true).jsonPath("$.purpose").isEqualTo("RECEIPT")
                .jsonPath("$.subject").isEqualTo("韩*");

        create(token, "key-" + UUID.randomUUID(), "{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}", 409);

        String stranger = signIn.accessToken("pay-api-2", FreshResidents.adultIn("141121", "林冲"));
        get(stranger, "/api/v1/payments/" + paymentId, 404);
        get(stranger, "/api/v1/receipts/" + paymentId, 404);
    }

    private JsonNode create(String token, String key, String body, int status) {
        byte[] response = portal.post().uri("/api/v1/payments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectBody().returnResult().getResponseBody();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response);
    }

    private JsonNode get(String token, String path, int status) {
        byte[] response = portal.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isEqualTo(status)
                .expectBody().returnResult().getResponseBody();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response);
    }

    private JsonNode waitForStatus(String token, String paymentId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode payment = null;
        while (System.nanoTime() < deadline) {
            payment = get(token, "/api/v1/payments/" + paymentId, 200);
            if (status.equals(payment.get("status").asString())) {
                return payment;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("payment did not become " + status + ": " + payment);
    }
}
