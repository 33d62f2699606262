package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Every status change of an order leaves one audit row, written where the change is made: the order's id as object
 * id, who did it (the payer, the channel's notification, an operator, the portal itself), and the request id of
 * the request behind it.
 */
class PaymentAuditIT extends PaymentsOverHttp {

    private static final Refunds.Operator OPERATOR = wenshuiOperator("ops-audit-it");

    @Autowired
    Refunds refunds;

    /** The order's audit rows, oldest first: "ACTOR_TYPE actorId | FROM→TO (CAUSE) | request id or -". */
    private List<String> auditRows(UUID orderId) {
        return database.sql("""
                        select actor_type || ' ' || coalesce(actor_id, '') || ' | '
                               || substring(detail from '\\S*→\\S+ \\([A-Z_]+\\)') || ' | ' || coalesce(request_id, '-') as row
                        from audit_event
                        where object_id = $1 and action in ('PAYMENT_ORDER_PLACED', 'PAYMENT_STATUS')
                        order by id""")
                .bind(0, orderId.toString()).map(row -> row.get("row", String.class)).all().collectList().block();
    }

    @Test
    void aPaidAndRefundedOrderLeavesOneAuditRowPerStatusChangeNamingTheOrderTheActorAndTheRequest()
            throws InterruptedException {
        Payer payer = freshPayer("黄药师");
        String requestId = "pay-audit-" + UUID.randomUUID();
        String paymentId = JSON.readTree(portal.post().uri("/api/v1/payments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + payer.token())
                .header("Idempotency-Key", newKey()).header("X-Request-Id", requestId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SELF_2024)
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("paymentId").asString();
        payAtSandbox(orderNo(payer, paymentId), "ONCE");
        waitForStatus(payer, paymentId, "PAID", Duration.ofSeconds(30));
        UUID orderId = UUID.fromString(paymentId);
        assertThat(operatorRefund(refunds, OPERATOR, orderNo(payer, paymentId), "参保人申请退费"))
                .isInstanceOf(Refunds.Requested.class);

        List<String> events = events(paymentId);
        assertThat(events).containsExactly("→CREATED ORDER_PLACED", "CREATED→AWAITING_PAYMENT CHANNEL_OPENED",
                "AWAITING_PAYMENT→PAID NOTIFICATION", "PAID→REFUNDING OPERATOR_REFUND",
                "REFUNDING→REFUNDED REFUND_RESULT");
        String payerId = text("select payer_id::text from payment_order where id = $1", orderId);
        List<String> rows = auditRows(orderId);
        assertThat(rows).hasSize(events.size());
        assertThat(rows.get(0)).isEqualTo("RESIDENT " + payerId + " | →CREATED (ORDER_PLACED) | " + requestId);
        assertThat(rows.get(1)).isEqualTo("RESIDENT " + payerId + " | CREATED→AWAITING_PAYMENT (CHANNEL_OPENED) | "
                + requestId);
        assertThat(rows.get(2)).as("the channel's notification, in its own request")
                .startsWith("SYSTEM SANDBOX | AWAITING_PAYMENT→PAID (NOTIFICATION) | ").doesNotEndWith(" | -")
                .doesNotEndWith(requestId);
        assertThat(rows.get(3)).isEqualTo("STAFF ops-audit-it | PAID→REFUNDING (OPERATOR_REFUND) | -");
        assertThat(rows.get(4)).isEqualTo("STAFF ops-audit-it | REFUNDING→REFUNDED (REFUND_RESULT) | -");
        assertThat(count("select count(*) from audit_event where object_id = $1 and resident_id::text <> $2",
                orderId.toString(), payerId)).as("every row is about the payer").isZero();
    }

    @Test
    void anOrderTheSweeperClosesHasItsClosingAuditedAsThePortals() throws InterruptedException {
        Payer payer = freshPayer("欧阳锋");
        String paymentId = placeSelfOrder(payer);
        UUID orderId = UUID.fromString(paymentId);
        execute("update payment_order set created_at = created_at - interval '40 minutes', "
                + "expires_at = expires_at - interval '40 minutes' where id = $1", orderId);

        sweeper.sweep().block(Duration.ofSeconds(60));

        waitForStatus(payer, paymentId, "CLOSED", Duration.ofSeconds(15));
        assertThat(auditRows(orderId)).hasSize(3).last()
                .isEqualTo("SYSTEM PAYMENT_SWEEPER | AWAITING_PAYMENT→CLOSED (EXPIRED) | -");
    }

    @Autowired
    PaymentSweeper sweeper;
}
