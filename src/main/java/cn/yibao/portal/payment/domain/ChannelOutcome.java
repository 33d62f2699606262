package cn.yibao.portal.payment.domain;

/** A payment's state as a channel reports it (in a notification, an order query or a bill line). */
public enum ChannelOutcome {
    /** Not paid yet; the payer may still pay. */
    PENDING,
    PAID,
    FAILED,
    CLOSED,
    /** The channel does not know the order (never opened there). */
    UNKNOWN
}
