package cn.yibao.portal.payment.domain;

/**
 * An order's status. The allowed changes are data, in {@link PaymentTransitions}; nothing changes a status any
 * other way.
 */
public enum PaymentStatus {
    CREATED, AWAITING_PAYMENT, PAID, FAILED, CLOSED, REFUNDING, REFUNDED, REFUND_FAILED;

    /** The payer may still pay: the order holds its people for the year. */
    public boolean isOpen() {
        return this == CREATED || this == AWAITING_PAYMENT;
    }

    /** Nothing more will happen unless an operator refunds. */
    public boolean isFinal() {
        return this == PAID || this == FAILED || this == CLOSED || this == REFUNDED || this == REFUND_FAILED;
    }
}
