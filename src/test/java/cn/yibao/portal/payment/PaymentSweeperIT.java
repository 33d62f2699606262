package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

/**
 * The sweeper is the fallback when no notification comes: it asks the channel about orders that have waited a few
 * minutes, and closes expired ones at the channel and here. Orders are made "old" by moving their times back in the
 * database; the sweep is called directly (the scheduled one may also pick an order up — either is the sweeper).
 */
class PaymentSweeperIT extends PaymentsOverHttp {

    @Autowired
    PaymentSweeper sweeper;

    private void sweep() {
        sweeper.sweep().block(Duration.ofSeconds(60));
    }

    private void ageOrder(String paymentId, String interval) {
        execute("update payment_order set created_at = created_at - cast($1 as interval) where id = $2", interval,
                UUID.fromString(paymentId));
    }

    @Test
    void aPaymentWhoseNotificationNeverComesIsCompletedByTheSweeper() throws InterruptedException {
        Payer payer = freshPayer("令狐冲");
        String paymentId = placeSelfOrder(payer);
        String orderNo = orderNo(payer, paymentId);
        String transaction = payAtSandbox(orderNo, "NONE");
        assertThat(count("select count(*) from sandbox_notification where order_no = $1", orderNo))
                .as("the sandbox was told not to notify").isZero();

        sweep();
        assertThat(status(payer, paymentId)).as("a new order is not asked about yet").isEqualTo("AWAITING_PAYMENT");

        ageOrder(paymentId, "10 minutes");
        sweep();

        var paid = waitForStatus(payer, paymentId, "PAID", Duration.ofSeconds(15));
        assertThat(paid.get("transactionId").asString()).isEqualTo(transaction);
        assertThat(events(paymentId)).containsExactly("→CREATED ORDER_PLACED",
                "CREATED→AWAITING_PAYMENT CHANNEL_OPENED", "AWAITING_PAYMENT→PAID CHANNEL_QUERY");
        assertThat(itemStates(paymentId)).containsExactly("PAID");
        assertThat(paid.get("insured").get(0).get("receiptNo").asString()).isEqualTo("R" + orderNo + "-1");
    }

    @Test
    void twoSweepsAtOnceSettleAnOrderOnce() throws InterruptedException {
        Payer payer = freshPayer("任盈盈");
        String paymentId = placeSelfOrder(payer);
        payAtSandbox(orderNo(payer, paymentId), "NONE");
        ageOrder(paymentId, "10 minutes");

        Mono.when(sweeper.sweep(), sweeper.sweep()).block(Duration.ofSeconds(60));

        waitForStatus(payer, paymentId, "PAID", Duration.ofSeconds(15));
        assertThat(eventsTo(paymentId, "PAID")).isEqualTo(1);
        assertThat(itemStates(paymentId)).containsExactly("PAID");
    }

    @Test
    void anExpiredUnpaidOrderIsClosedAtTheChannelAndHereAndThePersonCanOrderAgain() throws InterruptedException {
        Payer payer = freshPayer("东方白");
        String paymentId = placeSelfOrder(payer);
        String orderNo = orderNo(payer, paymentId);
        execute("update payment_order set created_at = created_at - interval '40 minutes', "
                + "expires_at = expires_at - interval '40 minutes' where id = $1", UUID.fromString(paymentId));

        sweep();

        waitForStatus(payer, paymentId, "CLOSED", Duration.ofSeconds(15));
        assertThat(text("select status from sandbox_payment where order_no = $1", orderNo))
                .as("closed at the channel, so it can no longer be paid there").isEqualTo("CLOSED");
        assertThat(events(paymentId)).last().isEqualTo("AWAITING_PAYMENT→CLOSED EXPIRED");
        assertThat(itemStates(paymentId)).containsExactly("RELEASED");
        portal.post().uri("/sandbox-pay/api/orders/" + orderNo + "/pay")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue("{\"notification\":\"ONCE\"}")
                .exchange().expectStatus().isEqualTo(409);

        String again = placeSelfOrder(payer);
        assertThat(again).isNotEqualTo(paymentId);
        payAtSandbox(orderNo(payer, again), "ONCE");
        waitForStatus(payer, again, "PAID", Duration.ofSeconds(30));
        assertThat(status(payer, paymentId)).isEqualTo("CLOSED");
    }
}
