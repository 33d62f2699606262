package cn.yibao.portal.payment.domain;

import cn.yibao.portal.shared.Phrase;

/**
 * What a verified payment result means for our order. The channel is trusted only to have said it: a result for
 * another merchant or a different amount changes nothing and puts the order up for review; a repeat or a result that
 * arrives after the order moved on changes nothing either. A payment under another transaction id for an order already
 * paid is money taken twice: it changes nothing and puts the order up for review, so that an operator refunds it.
 */
public final class NotificationRules {

    public sealed interface Decision {
    }

    public record Move(PaymentStatus to, TransitionCause cause) implements Decision {
    }

    /** Already there, or too late to matter: acknowledge, change nothing. */
    public record Ignore(Phrase why) implements Decision {
    }

    /** The result does not match our order: acknowledge, change nothing, flag for review. */
    public record Review(Phrase why) implements Decision {
    }

    private NotificationRules() {
    }

    /** @param transactionId the channel's id of the payment it reports, when it says one */
    public static Decision decide(PaymentOrder order, String ourMerchantId, String merchantId, String orderNo,
                                  String transactionId, long amountFen, ChannelOutcome outcome, TransitionCause source) {
        if (!order.orderNo().equals(orderNo)) {
            return new Review(Phrase.of("notify.review.orderNo"));
        }
        if (ourMerchantId != null && !ourMerchantId.equals(merchantId)) {
            return new Review(Phrase.of("notify.review.merchant", String.valueOf(merchantId)));
        }
        if (outcome == ChannelOutcome.PAID && amountFen != order.amountFen()) {
            return new Review(Phrase.of("notify.review.amount", amountFen, order.amountFen()));
        }
        if (outcome == ChannelOutcome.PAID && paidUnderAnotherTransaction(order, transactionId)) {
            return new Review(Phrase.of("notify.review.transaction", order.transactionId(), transactionId));
        }
        PaymentStatus target = switch (outcome) {
            case PAID -> PaymentStatus.PAID;
            case FAILED -> PaymentStatus.FAILED;
            case CLOSED -> PaymentStatus.CLOSED;
            case PENDING, UNKNOWN -> null;
        };
        if (target == null || target == order.status()) {
            return new Ignore(Phrase.of("notify.ignore.same"));
        }
        if (!PaymentTransitions.allowed(order.status(), target)) {
            return new Ignore(Phrase.of("notify.ignore.transition", order.status().name(), target.name()));
        }
        boolean late = target == PaymentStatus.PAID && order.status() != PaymentStatus.AWAITING_PAYMENT;
        return new Move(target, late ? TransitionCause.LATE_PAYMENT : source);
    }

    /** The order already holds a payment, and the channel now names a different one. */
    private static boolean paidUnderAnotherTransaction(PaymentOrder order, String transactionId) {
        return order.transactionId() != null && transactionId != null && !transactionId.isBlank()
                && !order.transactionId().equals(transactionId);
    }
}
