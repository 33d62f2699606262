package cn.yibao.portal.payment.domain;

/**
 * A channel's synchronous answer to a refund request: accepted (maybe still processing), done, or refused.
 * {@code failure}: when refused, the channel's own code for why (WeChat Pay's error code or refund status, Alipay's
 * sub_code, the sandbox's); a code for logs and tests, not words for a person. Null otherwise.
 */
public record RefundAnswer(String refundNo, Status status, String channelRefundId, String failure) {

    public enum Status { PROCESSING, SUCCEEDED, FAILED }
}
