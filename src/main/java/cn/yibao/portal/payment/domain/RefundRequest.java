package cn.yibao.portal.payment.domain;

/**
 * A refund as sent to a channel. {@code refundNo} is stable for one refund, so a retry refunds once (the channels
 * de-duplicate on it).
 */
public record RefundRequest(String orderNo, String transactionId, String refundNo, long refundFen, long totalFen,
                            String reason) {
}
