package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.payment.domain.RefundAnswer;
import cn.yibao.portal.payment.domain.RefundRequest;
import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshStaff;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * Refunds: automatic for a person paid twice, by an operator with a reason; each a record of its own with a stable
 * number, so that a retry refunds once at the channel. Refunding some of an order's people leaves the order PAID;
 * refunding all it still holds takes it to REFUNDED.
 */
class RefundIT extends PaymentsOverHttp {

    private static final Refunds.Operator OPERATOR = wenshuiOperator("ops-refund-it");

    @Value("${portal.data-dir}")
    String dataDir;

    @Autowired
    Refunds refunds;

    @Autowired
    PaymentChannels channels;

    SandboxNotifications sandbox;

    @BeforeEach
    void sandboxKey() {
        sandbox = SandboxNotifications.withTheSandboxKey(dataDir);
    }

    @Test
    void aLatePaymentForAPersonPaidMeanwhileByAnotherOrderIsRefundedAutomatically() throws InterruptedException {
        Payer payer = freshPayer("乔峰");
        String late = placeSelfOrder(payer);
        String lateOrderNo = orderNo(payer, late);
        // The channel reports the first order closed; at the sandbox it stays payable, as a payment that was still
        // under way at the channel would be.
        assertThat(deliver(sandbox.sign(SandboxNotifications.closed(lateOrderNo, WENSHUI_ADULT_2024_FEN)))).isEqualTo(200);
        assertThat(status(payer, late)).isEqualTo("CLOSED");

        String paying = placeSelfOrder(payer);
        payAtSandbox(orderNo(payer, paying), "ONCE");
        waitForStatus(payer, paying, "PAID", Duration.ofSeconds(30));

        // Now the money for the closed order arrives after all.
        payAtSandbox(lateOrderNo, "ONCE");
        waitForStatus(payer, late, "REFUNDED", Duration.ofSeconds(30));

        assertThat(events(late)).containsExactly("→CREATED ORDER_PLACED", "CREATED→AWAITING_PAYMENT CHANNEL_OPENED",
                "AWAITING_PAYMENT→CLOSED NOTIFICATION", "CLOSED→PAID LATE_PAYMENT",
                "PAID→REFUNDING DUPLICATE_REFUND", "REFUNDING→REFUNDED REFUND_RESULT");
        assertThat(itemStates(late)).as("paid twice, then refunded").containsExactly("REFUNDED");
        assertThat(itemStates(paying)).as("the order that paid first keeps the person paid").containsExactly("PAID");
        assertThat(status(payer, paying)).isEqualTo("PAID");

        UUID lateId = UUID.fromString(late);
        assertThat(count("select count(*) from payment_refund where order_id = $1", lateId)).isEqualTo(1);
        assertThat(text("select cause || ' ' || status || ' ' || amount_fen || ' ' || refund_no from payment_refund "
                + "where order_id = $1", lateId)).isEqualTo("DUPLICATE SUCCEEDED 38000 RF" + lateOrderNo);
        assertThat(count("select count(*) from sandbox_refund where order_no = $1", lateOrderNo)).isEqualTo(1);
        assertThat(count("select refunded_fen from sandbox_payment where order_no = $1", lateOrderNo))
                .isEqualTo(WENSHUI_ADULT_2024_FEN);
        assertThat(count("select count(*) from sandbox_refund where order_no = $1", orderNo(payer, paying))).isZero();

        // Asking again changes nothing: the order is refunded, the channel is not asked twice.
        assertThat(operatorRefund(refunds, OPERATOR, lateOrderNo, "重复退款"))
                .isInstanceOf(Refunds.NotPossible.class);
        assertThat(count("select count(*) from sandbox_refund where order_no = $1", lateOrderNo)).isEqualTo(1);
        create(payer, newKey(), SELF_2024, 409);
    }

    @Test
    void aLatePaymentForTwoPeopleRefundsOnlyThePersonPaidMeanwhileAndTheOrderStaysPaidForTheOther()
            throws InterruptedException {
        Payer xiao = freshPayer("萧远山");
        Payer wife = freshPayer("萧夫人");
        String wifeId = bindAsFamily(xiao, wife);
        JsonNode both = create(xiao, newKey(), "{\"year\":2024,\"insured\":[\"SELF\",\"" + wifeId
                + "\"],\"channel\":\"SANDBOX\"}", 201);
        assertThat(both.get("amountFen").asLong()).isEqualTo(2 * WENSHUI_ADULT_2024_FEN);
        String late = both.get("paymentId").asString();
        String lateOrderNo = orderNo(xiao, late);
        assertThat(deliver(sandbox.sign(SandboxNotifications.closed(lateOrderNo, 2 * WENSHUI_ADULT_2024_FEN))))
                .isEqualTo(200);
        String hers = placeSelfOrder(wife);
        payAtSandbox(orderNo(wife, hers), "ONCE");
        waitForStatus(wife, hers, "PAID", Duration.ofSeconds(30));

        payAtSandbox(lateOrderNo, "ONCE");
        JsonNode refunded = waitForRefund(xiao, late, 0, "SUCCEEDED");

        // Her share is refunded as a refund of its own; the order is about the charge, and it paid for him.
        assertThat(refunded.get("status").asString()).isEqualTo("PAID");
        assertThat(events(late)).containsExactly("→CREATED ORDER_PLACED", "CREATED→AWAITING_PAYMENT CHANNEL_OPENED",
                "AWAITING_PAYMENT→CLOSED NOTIFICATION", "CLOSED→PAID LATE_PAYMENT");
        JsonNode refund = refunded.get("refunds").get(0);
        assertThat(refunded.get("refunds")).hasSize(1);
        assertThat(refund.get("refundNo").asString()).isEqualTo("RF" + lateOrderNo);
        assertThat(refund.get("amountFen").asLong()).as("only her share").isEqualTo(WENSHUI_ADULT_2024_FEN);
        assertThat(refund.get("cause").asString()).isEqualTo("DUPLICATE");
        assertThat(refund.get("wholeOrder").asBoolean()).isFalse();
        UUID lateId = UUID.fromString(late);
        assertThat(text("select state || ' ' || refund_no from payment_item where order_id = $1 and insured_id = $2",
                lateId, UUID.fromString(wifeId))).isEqualTo("REFUNDED RF" + lateOrderNo);
        assertThat(count("select count(*) from payment_item where order_id = $1 and state = 'PAID' "
                + "and receipt_no is not null and refund_no is null", lateId)).as("he was paid for by this order")
                .isEqualTo(1);
        assertThat(count("select refunded_fen from sandbox_payment where order_no = $1", lateOrderNo))
                .isEqualTo(WENSHUI_ADULT_2024_FEN);
        JsonNode receipts = JSON.readTree(portal.get().uri("/api/v1/receipts/" + late)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + xiao.token())
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(receipts).as("his receipt stands").hasSize(1);
        String hisReceipt = receiptToken(receipts.get(0));
        assertThat(verify(hisReceipt).get("valid").asBoolean()).isTrue();
        create(xiao, newKey(), SELF_2024, 409);

        // Later an operator refunds what the order still holds: a refund of its own, under a number of its own.
        assertThat(operatorRefund(refunds, OPERATOR, lateOrderNo, "参保人已在务工地参保缴费"))
                .isInstanceOfSatisfying(Refunds.Requested.class, requested -> {
                    assertThat(requested.refund().refundNo()).isEqualTo("RF" + lateOrderNo + "-2");
                    assertThat(requested.refund().amountFen()).isEqualTo(WENSHUI_ADULT_2024_FEN);
                    assertThat(requested.refund().status()).isEqualTo("SUCCEEDED");
                    assertThat(requested.refund().wholeOrder()).isTrue();
                    assertThat(requested.orderStatus()).isEqualTo(PaymentStatus.REFUNDED);
                });
        assertThat(events(late)).endsWith("CLOSED→PAID LATE_PAYMENT", "PAID→REFUNDING OPERATOR_REFUND",
                "REFUNDING→REFUNDED REFUND_RESULT");
        assertThat(itemStates(late)).containsExactly("REFUNDED", "REFUNDED");
        assertThat(count("select refunded_fen from sandbox_payment where order_no = $1", lateOrderNo))
                .isEqualTo(2 * WENSHUI_ADULT_2024_FEN);
        JsonNode checked = verify(hisReceipt);
        assertThat(checked.get("valid").asBoolean()).as("his receipt now verifies as refunded").isFalse();
        assertThat(checked.get("reason").asString()).isEqualTo("已退款");

        // Asking again: nothing left to refund, the channel is not asked again.
        assertThat(operatorRefund(refunds, OPERATOR, lateOrderNo, "再退一次"))
                .isInstanceOf(Refunds.NotPossible.class);
        assertThat(count("select count(*) from sandbox_refund where order_no = $1", lateOrderNo)).isEqualTo(2);
        assertThat(count("select count(*) from payment_refund where order_id = $1", lateId)).isEqualTo(2);
    }

    @Test
    void aDuplicateWhoseRefundFailsIsSaidSoToThePayerListedForTheOperatorAndRefundedOnceAskedAgain()
            throws InterruptedException {
        Payer hong = freshPayer("洪七公");
        Payer wife = freshPayer("洪夫人");
        String wifeId = bindAsFamily(hong, wife);
        String late = create(hong, newKey(), "{\"year\":2024,\"insured\":[\"SELF\",\"" + wifeId
                + "\"],\"channel\":\"SANDBOX\"}", 201).get("paymentId").asString();
        String lateOrderNo = orderNo(hong, late);
        String refundNo = "RF" + lateOrderNo;
        assertThat(deliver(sandbox.sign(SandboxNotifications.closed(lateOrderNo, 2 * WENSHUI_ADULT_2024_FEN))))
                .isEqualTo(200);
        String hers = placeSelfOrder(wife);
        payAtSandbox(orderNo(wife, hers), "ONCE");
        waitForStatus(wife, hers, "PAID", Duration.ofSeconds(30));
        // The channel will refuse to pay the money back (as a merchant account without the funds would).
        execute("update sandbox_payment set refunded_fen = amount_fen where order_no = $1", lateOrderNo);

        payAtSandbox(lateOrderNo, "ONCE");
        assertThat(waitForRefund(hong, late, 0, "FAILED").get("status").asString()).isEqualTo("PAID");

        // The payer is not told her money is on its way back, and the operator desk lists what is still owed.
        BrowserSession payer = signIn.as("pay-page-" + UUID.randomUUID(), hong.claims());
        String payerPage = payer.page("/payment/" + late);
        assertThat(payerPage).contains("重复缴费，退款未成功，工作人员处理中", "退款原因：重复缴费自动退款")
                .doesNotContain("重复缴费，退款中");
        // The reason is the portal's, so it reads in the payer's language; the refund keeps it as a record, in Chinese.
        assertThat(payer.page("/payment/" + late + "?lang=en")).contains("Reason: Automatic refund of a double payment");
        assertThat(text("select reason from payment_refund where refund_no = $1", refundNo)).isEqualTo("重复缴费自动退款");
        BrowserSession operator = signIn.asStaff(FreshStaff.login(), FreshStaff.claims(WENSHUI, "PAYMENT_OPERATOR"));
        String desk = operator.page("/staff/payments");
        assertThat(failedRefunds(desk)).contains(lateOrderNo, refundNo);
        assertThat(failedRefunds(signIn.asStaff("staff-weihai").page("/staff/payments")))
                .as("another region's operator is not shown it").doesNotContain(lateOrderNo);

        // Once the channel can pay, the operator asks again from the desk: the same refund, under its own number,
        // first shown, then confirmed.
        execute("update sandbox_payment set refunded_fen = 0 where order_no = $1", lateOrderNo);
        String preview = operator.client().post().uri("/staff/payments/refunds")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", BrowserSession.csrf(desk)).with("orderNo", lateOrderNo)
                        .with("reason", "渠道恢复后重新退款"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(preview).contains(refundNo, "洪*", "380 元");
        java.util.regex.Matcher confirmation = java.util.regex.Pattern.compile("name=\"confirmation\" value=\"([^\"]+)\"")
                .matcher(preview);
        assertThat(confirmation.find()).isTrue();
        String answered = operator.client().post().uri("/staff/payments/refunds/confirm")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", BrowserSession.csrf(preview)).with("orderNo", lateOrderNo)
                        .with("reason", "渠道恢复后重新退款").with("confirmation", confirmation.group(1)))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(answered).contains("退款单 " + refundNo + "（380 元）：退款成功；订单状态：已支付");
        assertThat(failedRefunds(answered)).doesNotContain(refundNo);
        UUID lateId = UUID.fromString(late);
        assertThat(text("select string_agg(refund_no || ' ' || status, ',') from payment_refund where order_id = $1",
                lateId)).isEqualTo(refundNo + " SUCCEEDED");
        assertThat(text("select state from payment_item where order_id = $1 and insured_id = $2", lateId,
                UUID.fromString(wifeId))).isEqualTo("REFUNDED");
        assertThat(status(hong, late)).as("the order still paid for him").isEqualTo("PAID");
    }

    /** The operator desk's section of failed refunds. */
    private static String failedRefunds(String desk) {
        int start = desk.indexOf("id=\"failed-refunds\"");
        assertThat(start).as("the desk lists failed refunds").isNotNegative();
        return desk.substring(start, desk.indexOf("</section>", start));
    }

    /** Waits until the order's {@code index}-th refund has the status; answers the order. */
    private JsonNode waitForRefund(Payer payer, String paymentId, int index, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode payment = payment(payer, paymentId);
        while (System.nanoTime() < deadline && !(payment.get("refunds").size() > index
                && status.equals(payment.get("refunds").get(index).get("status").asString()))) {
            Thread.sleep(200);
            payment = payment(payer, paymentId);
        }
        assertThat(payment.get("refunds").get(index).get("status").asString()).as("refund of %s", payment)
                .isEqualTo(status);
        return payment;
    }

    @Test
    void anOperatorRefundAfterAnAttemptWhoseAnswerWasLostRefundsOnceUnderTheSameNumber() throws InterruptedException {
        Payer payer = freshPayer("段正淳");
        String paymentId = placeSelfOrder(payer);
        String orderNo = orderNo(payer, paymentId);
        String transaction = payAtSandbox(orderNo, "ONCE");
        waitForStatus(payer, paymentId, "PAID", Duration.ofSeconds(30));
        UUID orderId = UUID.fromString(paymentId);

        // An earlier attempt reached the channel under the order's refund number, and its answer never came back.
        RefundAnswer lost = channels.require(PaymentChannelId.SANDBOX).refund(new RefundRequest(orderNo, transaction,
                "RF" + orderNo, WENSHUI_ADULT_2024_FEN, WENSHUI_ADULT_2024_FEN, "参保人已在务工地参保缴费")).block();
        assertThat(lost.status()).isEqualTo(RefundAnswer.Status.SUCCEEDED);
        assertThat(status(payer, paymentId)).as("we know nothing of it").isEqualTo("PAID");

        assertThat(operatorRefund(refunds, OPERATOR, orderNo, " ")).as("a reason is required")
                .isInstanceOf(Refunds.NotPossible.class);
        assertThat(operatorRefund(refunds, OPERATOR, orderNo, "参保人已在务工地参保缴费"))
                .isInstanceOfSatisfying(Refunds.Requested.class, requested -> {
                    assertThat(requested.refund().refundNo()).isEqualTo("RF" + orderNo);
                    assertThat(requested.orderStatus()).isEqualTo(PaymentStatus.REFUNDED);
                });

        assertThat(count("select count(*) from sandbox_refund where order_no = $1", orderNo))
                .as("the channel refunded once").isEqualTo(1);
        assertThat(count("select refunded_fen from sandbox_payment where order_no = $1", orderNo))
                .isEqualTo(WENSHUI_ADULT_2024_FEN);
        assertThat(text("select status || ' ' || cause || ' ' || channel_refund_id from payment_refund "
                + "where order_id = $1", orderId)).isEqualTo("SUCCEEDED OPERATOR " + lost.channelRefundId());
        assertThat(events(paymentId)).endsWith("PAID→REFUNDING OPERATOR_REFUND", "REFUNDING→REFUNDED REFUND_RESULT");
        assertThat(itemStates(paymentId)).as("the person is no longer paid for").containsExactly("REFUNDED");

        assertThat(operatorRefund(refunds, OPERATOR, orderNo, "再退一次"))
                .isInstanceOf(Refunds.NotPossible.class);
        assertThat(count("select count(*) from sandbox_refund where order_no = $1", orderNo)).isEqualTo(1);
        assertThat(count("select count(*) from payment_refund where order_id = $1", orderId)).isEqualTo(1);
        assertThat(placeSelfOrder(payer)).as("a refunded person can pay again").isNotEqualTo(paymentId);
    }
}
