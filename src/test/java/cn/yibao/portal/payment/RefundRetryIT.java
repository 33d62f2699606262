package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A refund the app asked for but never heard back about (it stopped in between) is asked again, once. */
class RefundRetryIT extends PaymentsOverHttp {

    @Autowired
    PaymentSweeper sweeper;

    @Test
    void aRefundLeftRequestedByACrashIsCompletedByTheSweeperUnderTheSameNumber() throws Exception {
        Payer payer = freshPayer("裴宣");
        String paymentId = placeSelfOrder(payer);
        String orderNo = orderNo(payer, paymentId);
        payAtSandbox(orderNo, "ONCE");
        waitForStatus(payer, paymentId, "PAID", Duration.ofSeconds(20));

        // The state a crash leaves between "REFUNDING recorded" and "channel asked": refund REQUESTED, nothing at the channel.
        database.sql("""
                        insert into payment_refund (refund_no, order_id, amount_fen, cause, reason, requested_by, status,
                                                    created_at, updated_at)
                        select 'RF' || order_no, id, amount_fen, 'OPERATOR', '测试：退款途中停机', 'S371000001', 'REQUESTED',
                               updated_at, updated_at from payment_order where order_no = :no""")
                .bind("no", orderNo).then().block();
        database.sql("""
                        update payment_order set status = 'REFUNDING', version = version + 1,
                               updated_at = updated_at - interval '10 minutes'
                        where order_no = :no""")
                .bind("no", orderNo).then().block();

        sweeper.sweep().block(Duration.ofSeconds(60));
        sweeper.sweep().block(Duration.ofSeconds(60));

        assertThat(count("select count(*) from payment_order where order_no = '" + orderNo + "' and status = 'REFUNDED'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from sandbox_refund where order_no = '" + orderNo + "'")).isEqualTo(1);
        assertThat(count("select count(*) from payment_item i join payment_order o on o.id = i.order_id "
                + "where o.order_no = '" + orderNo + "' and i.state = 'REFUNDED'")).isEqualTo(1);
    }

    @Test
    void aRefundOfSomeOfAnOrdersPeopleLeftRequestedIsCompletedUnderItsNumberAndTheOrderStaysPaid() throws Exception {
        Payer payer = freshPayer("扈成");
        Payer sister = freshPayer("扈三娘");
        String sisterId = bindAsFamily(payer, sister);
        String paymentId = create(payer, newKey(), "{\"year\":2024,\"insured\":[\"SELF\",\"" + sisterId
                + "\"],\"channel\":\"SANDBOX\"}", 201).get("paymentId").asString();
        String orderNo = orderNo(payer, paymentId);
        payAtSandbox(orderNo, "ONCE");
        waitForStatus(payer, paymentId, "PAID", Duration.ofSeconds(20));
        String herReceipt = null;
        for (var receipt : JSON.readTree(portal.get().uri("/api/v1/receipts/" + paymentId)
                .header(org.springframework.http.HttpHeaders.AUTHORIZATION, "Bearer " + payer.token())
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody())) {
            if (receipt.get("insuredName").asString().startsWith("扈") && receipt.get("insuredName").asString().length() == 3) {
                herReceipt = receiptToken(receipt);
            }
        }
        assertThat(herReceipt).isNotNull();

        // A crash after "refund of her share asked for" and before the channel was asked: refund REQUESTED, her money
        // linked to it, the order still PAID (a refund of some people does not change the order's status).
        database.sql("""
                        insert into payment_refund (refund_no, order_id, amount_fen, cause, reason, requested_by, status,
                                                    whole_order, created_at, updated_at)
                        select 'RF' || order_no, id, 38000, 'OPERATOR', '测试：退款途中停机', 'S371000001', 'REQUESTED',
                               false, updated_at, updated_at from payment_order where order_no = :no""")
                .bind("no", orderNo).then().block();
        execute("update payment_item set refund_no = 'RF' || $1 where order_id = $2 and insured_id = $3", orderNo,
                java.util.UUID.fromString(paymentId), java.util.UUID.fromString(sisterId));
        execute("update payment_order set updated_at = updated_at - interval '10 minutes' where order_no = $1", orderNo);

        sweeper.sweep().block(Duration.ofSeconds(60));
        sweeper.sweep().block(Duration.ofSeconds(60));

        assertThat(text("select status from payment_refund where refund_no = $1", "RF" + orderNo)).isEqualTo("SUCCEEDED");
        assertThat(count("select count(*) from sandbox_refund where refund_no = $1", "RF" + orderNo)).isEqualTo(1);
        assertThat(status(payer, paymentId)).as("the order still paid for him").isEqualTo("PAID");
        assertThat(text("select string_agg(state, ',' order by state) from payment_item where order_id = $1",
                java.util.UUID.fromString(paymentId))).isEqualTo("PAID,REFUNDED");
        assertThat(verify(herReceipt).get("reason").asString()).as("her receipt verifies as refunded").isEqualTo("已退款");
    }
}
