package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Cash at the counter (代收): only a worker acting for the resident may take it, and it is paid like any order. */
class CashCollectionIT extends PaymentsOverHttp {

    @Test
    void aWorkerAssistingAResidentRecordsCashWithAReceiptNumberAndTheResidentIsPaid() {
        Payer resident = freshPayer("阮小七");
        String code = JSON.readTree(portal.get().uri("/api/v1/codes/resident")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + resident.token())
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody()).get("token").asString();
        String staff = signIn.staffAccessToken("staff-wenshui");
        String session = JSON.readTree(portal.post().uri("/api/v1/assist/sessions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("residentCode", code))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("sessionId").asString();

        // The resident cannot choose cash for themselves.
        create(resident, newKey(), "{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"CASH\"}", 422);

        JsonNode order = JSON.readTree(portal.post().uri("/api/v1/payments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).header("X-Assist-Session", session)
                .header("Idempotency-Key", newKey()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"CASH\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        String paymentId = order.get("paymentId").asString();

        portal.post().uri("/api/v1/payments/" + paymentId + "/cash")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).header("X-Assist-Session", session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("receiptNo", "x"))
                .exchange().expectStatus().isEqualTo(422);
        portal.post().uri("/api/v1/payments/" + paymentId + "/cash")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + resident.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("receiptNo", "WS-2023-000123"))
                .exchange().expectStatus().isEqualTo(422);
        JsonNode paid = JSON.readTree(portal.post().uri("/api/v1/payments/" + paymentId + "/cash")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff).header("X-Assist-Session", session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("receiptNo", "WS-2023-000123"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());

        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("transactionId").asString()).isEqualTo("CASH-S141121001-WS-2023-000123");
        assertThat(payment(resident, paymentId).get("insured").get(0).get("state").asString()).isEqualTo("PAID");
        assertThat(count("select count(*) from payment_event e join payment_order o on o.id = e.order_id "
                + "where o.id = '" + paymentId + "' and e.cause = 'CASH_COLLECTION'")).isEqualTo(1);
    }
}
