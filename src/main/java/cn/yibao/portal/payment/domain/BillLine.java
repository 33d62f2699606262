package cn.yibao.portal.payment.domain;

import java.time.Instant;

/**
 * One line of a channel's daily bill, whatever the channel's format: a payment or a refund of one of our orders.
 * {@code refundNo} is set for refunds only.
 */
public record BillLine(int lineNumber, String orderNo, String transactionId, Kind kind, long amountFen,
                       Instant occurredAt, String refundNo) {

    public enum Kind { PAYMENT, REFUND }
}
