package cn.yibao.portal.payment.domain;

/** A channel's synchronous answer to a refund request: accepted (maybe still processing), done, or refused. */
public record RefundAnswer(String refundNo, Status status, String channelRefundId, String message) {

    public enum Status { PROCESSING, SUCCEEDED, FAILED }
}
