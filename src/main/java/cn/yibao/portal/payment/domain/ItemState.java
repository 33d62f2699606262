package cn.yibao.portal.payment.domain;

/**
 * What an order means for one person in it. The database allows one OPEN and one PAID item per person and year, so
 * "at most one open order" and "never charged twice" hold even against concurrent requests.
 */
public enum ItemState {
    /** The order may still be paid. */
    OPEN,
    /** This order paid the person's contribution for the year. */
    PAID,
    /** The order ended unpaid. */
    RELEASED,
    /** Paid, but the person was already paid for: their money is being refunded automatically. */
    DUPLICATE,
    /** Their money was returned (an operator's refund, or the refund of a duplicate): no longer paid for here. */
    REFUNDED;

    /** The item state that follows an order status, given whether the person is already paid for elsewhere. */
    public static ItemState after(PaymentStatus status, boolean alreadyPaidElsewhere) {
        return switch (status) {
            case CREATED, AWAITING_PAYMENT -> OPEN;
            case FAILED, CLOSED -> RELEASED;
            case PAID, REFUNDING, REFUND_FAILED -> alreadyPaidElsewhere ? DUPLICATE : PAID;
            case REFUNDED -> REFUNDED;
        };
    }
}
