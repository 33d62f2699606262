package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReconciliationIT extends PortalIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    BusinessClock clock;

    @Test
    void aPaymentTheSandboxNeverNotifiedIsFoundInItsBillAndSettled() {
        String token = signIn.accessToken("recon-1", FreshResidents.adultIn("141121", "秦明"));
        JsonNode created = JSON.readTree(portal.post().uri("/api/v1/payments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("Idempotency-Key", "recon-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        String orderNo = created.get("payUrl").asString().substring("/sandbox-pay/cashier/".length());
        portal.post().uri("/sandbox-pay/api/orders/" + orderNo + "/pay").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"notification\":\"NONE\"}").exchange().expectStatus().isOk();

        String day = clock.today().toString();
        byte[] bill = portal.get().uri("/sandbox-pay/bills/" + day).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        String operator = signIn.staffAccessToken("staff-weihai");
        JsonNode report = JSON.readTree(portal.post().uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=" + day)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.TEXT_PLAIN).bodyValue(bill)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());

        JsonNode ours = null;
        for (JsonNode mismatch : report.get("mismatches")) {
            if (orderNo.equals(mismatch.get("orderNo").asString())) {
                ours = mismatch;
            }
        }
        assertThat(ours).as("the bill's payment for our unpaid order is reported").isNotNull();
        assertThat(ours.get("kind").asString()).isEqualTo("PAID_AT_CHANNEL_ONLY");
        assertThat(ours.get("resolution").asString()).contains("已支付");
        assertThat(count("select count(*) from payment_order where order_no = '" + orderNo + "' and status = 'PAID'"))
                .isEqualTo(1);

        // The same bill again: the same report, nothing settled twice.
        JsonNode again = JSON.readTree(portal.post().uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=" + day)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.TEXT_PLAIN).bodyValue(bill)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(again.get("runId").asString()).isEqualTo(report.get("runId").asString());
    }

    @Test
    void aBillWithABadLineIsRefusedNamingTheLine() {
        String operator = signIn.staffAccessToken("staff-weihai");
        String bill = "交易时间,商户订单号,渠道交易号,类型,金额(元),退款单号\n2023-10-15T10:00:00+08:00,YB1,SB1,PAYMENT,abc,\n";
        portal.post().uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=2023-10-15")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.TEXT_PLAIN).bodyValue(bill)
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("第 2 行"));
    }

    @Test
    void helpDeskStaffWithoutTheOperatorRoleCannotReconcile() {
        portal.post().uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=2023-10-15")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + signIn.staffAccessToken("staff-wenshui"))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("x")
                .exchange().expectStatus().isForbidden();
    }
}
