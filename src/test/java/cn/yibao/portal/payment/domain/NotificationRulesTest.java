package cn.yibao.portal.payment.domain;

import cn.yibao.portal.text.RealBundles;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a verified channel result does to our order: only a matching result for a pending order moves it. */
class NotificationRulesTest {

    private static final String MERCHANT = "SANDBOX-MCH-0001";
    private static final String ORDER_NO = "YB202310150000000042";
    private static final long AMOUNT = 38000;

    private static PaymentOrder order(PaymentStatus status) {
        Instant created = Instant.parse("2023-10-15T02:00:00Z");
        return new PaymentOrder(UUID.randomUUID(), ORDER_NO, UUID.randomUUID(), 2024, PaymentChannelId.SANDBOX, AMOUNT,
                status, 3, null, "/sandbox-pay/cashier/" + ORDER_NO, created, created.plusSeconds(1800), null, null,
                "141121");
    }

    private static NotificationRules.Decision decide(PaymentStatus status, String merchant, String orderNo, long amount,
                                                     ChannelOutcome outcome) {
        return NotificationRules.decide(order(status), MERCHANT, merchant, orderNo, null, amount, outcome,
                TransitionCause.NOTIFICATION);
    }

    private static PaymentOrder paidOrder(PaymentStatus status, String transactionId) {
        PaymentOrder order = order(status);
        return new PaymentOrder(order.id(), order.orderNo(), order.payerId(), order.benefitYear(), order.channel(),
                order.amountFen(), order.status(), order.version(), transactionId, order.payUrl(), order.createdAt(),
                order.expiresAt(), order.createdAt().plusSeconds(60), null, order.regionCode());
    }

    @ParameterizedTest(name = "a payment under another transaction id when the order is {0} is put up for review")
    @EnumSource(value = PaymentStatus.class, names = {"PAID", "REFUNDING", "REFUNDED", "REFUND_FAILED"})
    void aPaymentUnderAnotherTransactionIdForAnOrderAlreadyPaidIsPutUpForReview(PaymentStatus status) {
        NotificationRules.Decision decision = NotificationRules.decide(paidOrder(status, "SB-FIRST"), MERCHANT, MERCHANT,
                ORDER_NO, "SB-SECOND", AMOUNT, ChannelOutcome.PAID, TransitionCause.NOTIFICATION);

        assertThat(decision).isInstanceOf(NotificationRules.Review.class);
        assertThat(RealBundles.zh(((NotificationRules.Review) decision).why())).startsWith("交易号不符").contains("SB-FIRST", "SB-SECOND");
    }

    @Test
    void theSamePaymentAgainOrOneThatNamesNoTransactionIsOnlyARepeat() {
        for (String repeat : new String[] {"SB-FIRST", null, ""}) {
            assertThat(NotificationRules.decide(paidOrder(PaymentStatus.PAID, "SB-FIRST"), MERCHANT, MERCHANT, ORDER_NO,
                    repeat, AMOUNT, ChannelOutcome.PAID, TransitionCause.NOTIFICATION))
                    .as("transaction %s", repeat).isInstanceOf(NotificationRules.Ignore.class);
        }
    }

    @Test
    void aClosingUnderAnotherTransactionIdAfterThePaymentIsOnlyLate() {
        assertThat(NotificationRules.decide(paidOrder(PaymentStatus.PAID, "SB-FIRST"), MERCHANT, MERCHANT, ORDER_NO,
                "SB-SECOND", AMOUNT, ChannelOutcome.CLOSED, TransitionCause.NOTIFICATION))
                .isInstanceOf(NotificationRules.Ignore.class);
    }

    @Test
    void aMatchingPaymentMovesAnAwaitingOrderToPaidWithTheSourceAsCause() {
        assertThat(decide(PaymentStatus.AWAITING_PAYMENT, MERCHANT, ORDER_NO, AMOUNT, ChannelOutcome.PAID))
                .isEqualTo(new NotificationRules.Move(PaymentStatus.PAID, TransitionCause.NOTIFICATION));
        assertThat(NotificationRules.decide(order(PaymentStatus.AWAITING_PAYMENT), MERCHANT, MERCHANT, ORDER_NO, null, AMOUNT,
                ChannelOutcome.PAID, TransitionCause.CHANNEL_QUERY))
                .isEqualTo(new NotificationRules.Move(PaymentStatus.PAID, TransitionCause.CHANNEL_QUERY));
    }

    @Test
    void aPaymentForAnotherMerchantIsPutUpForReviewAndChangesNothing() {
        assertThat(decide(PaymentStatus.AWAITING_PAYMENT, "SANDBOX-MCH-9999", ORDER_NO, AMOUNT, ChannelOutcome.PAID))
                .isInstanceOf(NotificationRules.Review.class)
                .extracting(review -> RealBundles.zh(((NotificationRules.Review) review).why())).asString().contains("SANDBOX-MCH-9999");
    }

    @Test
    void aPaymentOfAnotherAmountIsPutUpForReviewAndChangesNothing() {
        assertThat(decide(PaymentStatus.AWAITING_PAYMENT, MERCHANT, ORDER_NO, AMOUNT - 1, ChannelOutcome.PAID))
                .isInstanceOf(NotificationRules.Review.class);
        assertThat(decide(PaymentStatus.AWAITING_PAYMENT, MERCHANT, ORDER_NO, 1, ChannelOutcome.PAID))
                .isInstanceOf(NotificationRules.Review.class);
        assertThat(decide(PaymentStatus.AWAITING_PAYMENT, MERCHANT, ORDER_NO, AMOUNT * 2, ChannelOutcome.PAID))
                .isInstanceOf(NotificationRules.Review.class);
    }

    @Test
    void aResultNamingAnotherOrderIsPutUpForReview() {
        assertThat(decide(PaymentStatus.AWAITING_PAYMENT, MERCHANT, "YB202310150000000043", AMOUNT, ChannelOutcome.PAID))
                .isInstanceOf(NotificationRules.Review.class);
    }

    @Test
    void aWrongAmountIsReviewedEvenWhenTheOrderIsAlreadyPaid() {
        assertThat(decide(PaymentStatus.PAID, MERCHANT, ORDER_NO, AMOUNT + 100, ChannelOutcome.PAID))
                .isInstanceOf(NotificationRules.Review.class);
    }

    @Test
    void aRepeatedPaymentIsIgnored() {
        assertThat(decide(PaymentStatus.PAID, MERCHANT, ORDER_NO, AMOUNT, ChannelOutcome.PAID))
                .isInstanceOf(NotificationRules.Ignore.class);
    }

    @Test
    void aClosingThatArrivesAfterThePaymentIsIgnored() {
        assertThat(decide(PaymentStatus.PAID, MERCHANT, ORDER_NO, AMOUNT, ChannelOutcome.CLOSED))
                .isInstanceOf(NotificationRules.Ignore.class);
        assertThat(decide(PaymentStatus.PAID, MERCHANT, ORDER_NO, AMOUNT, ChannelOutcome.FAILED))
                .isInstanceOf(NotificationRules.Ignore.class);
    }

    @ParameterizedTest(name = "a payment arriving when the order is {0} is ignored")
    @EnumSource(value = PaymentStatus.class, names = {"REFUNDING", "REFUNDED", "REFUND_FAILED"})
    void aPaymentArrivingDuringOrAfterARefundIsIgnored(PaymentStatus status) {
        assertThat(decide(status, MERCHANT, ORDER_NO, AMOUNT, ChannelOutcome.PAID))
                .isInstanceOf(NotificationRules.Ignore.class);
    }

    @ParameterizedTest(name = "a payment after the order was {0} is recorded as a late payment")
    @EnumSource(value = PaymentStatus.class, names = {"CLOSED", "FAILED"})
    void aPaymentAfterTheOrderEndedUnpaidMovesItToPaidAsALatePayment(PaymentStatus status) {
        assertThat(decide(status, MERCHANT, ORDER_NO, AMOUNT, ChannelOutcome.PAID))
                .isEqualTo(new NotificationRules.Move(PaymentStatus.PAID, TransitionCause.LATE_PAYMENT));
    }

    @Test
    void aLatePaymentFoundByQueryIsStillALatePayment() {
        assertThat(NotificationRules.decide(order(PaymentStatus.CLOSED), MERCHANT, MERCHANT, ORDER_NO, null, AMOUNT,
                ChannelOutcome.PAID, TransitionCause.CHANNEL_QUERY))
                .isEqualTo(new NotificationRules.Move(PaymentStatus.PAID, TransitionCause.LATE_PAYMENT));
    }

    @ParameterizedTest(name = "{0} changes nothing")
    @EnumSource(value = ChannelOutcome.class, names = {"PENDING", "UNKNOWN"})
    void aPendingOrUnknownResultIsIgnored(ChannelOutcome outcome) {
        assertThat(decide(PaymentStatus.AWAITING_PAYMENT, MERCHANT, ORDER_NO, AMOUNT, outcome))
                .isInstanceOf(NotificationRules.Ignore.class);
    }

    @Test
    void aClosingOrFailureMovesAnAwaitingOrder() {
        assertThat(decide(PaymentStatus.AWAITING_PAYMENT, MERCHANT, ORDER_NO, AMOUNT, ChannelOutcome.CLOSED))
                .isEqualTo(new NotificationRules.Move(PaymentStatus.CLOSED, TransitionCause.NOTIFICATION));
        assertThat(decide(PaymentStatus.AWAITING_PAYMENT, MERCHANT, ORDER_NO, AMOUNT, ChannelOutcome.FAILED))
                .isEqualTo(new NotificationRules.Move(PaymentStatus.FAILED, TransitionCause.NOTIFICATION));
    }

    @Test
    void aRepeatedClosingIsIgnored() {
        assertThat(decide(PaymentStatus.CLOSED, MERCHANT, ORDER_NO, AMOUNT, ChannelOutcome.CLOSED))
                .isInstanceOf(NotificationRules.Ignore.class);
    }

    @Test
    void everyMoveItDecidesIsAnEdgeOfTheGraph() {
        for (PaymentStatus status : PaymentStatus.values()) {
            for (ChannelOutcome outcome : ChannelOutcome.values()) {
                if (decide(status, MERCHANT, ORDER_NO, AMOUNT, outcome) instanceof NotificationRules.Move move) {
                    assertThat(PaymentTransitions.allowed(status, move.to())).as(status + " → " + move.to()).isTrue();
                }
            }
        }
    }
}
