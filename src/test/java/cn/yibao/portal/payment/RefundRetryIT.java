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
}
