package cn.yibao.portal.payment.domain;

/** Why a status changed; stored with every change. */
public enum TransitionCause {
    ORDER_PLACED,
    CHANNEL_OPENED,
    CHANNEL_OPEN_FAILED,
    NOTIFICATION,
    CHANNEL_QUERY,
    EXPIRED,
    PAYER_CANCELLED,
    /** The channel took the money after we had closed the order (found by notification, query or bill). */
    LATE_PAYMENT,
    RECONCILIATION,
    /** A help-desk worker took the amount in cash and gave a receipt. */
    CASH_COLLECTION,
    OPERATOR_REFUND,
    DUPLICATE_REFUND,
    REFUND_RESULT
}
