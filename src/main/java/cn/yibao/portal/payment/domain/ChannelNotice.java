package cn.yibao.portal.payment.domain;

import cn.yibao.portal.shared.Phrase;
import java.time.Instant;

/**
 * A channel's notification after its signature has been checked. Nothing in it is trusted beyond "the channel said
 * so": merchant, order and amount are compared with our own order before anything changes.
 */
public sealed interface ChannelNotice {

    /**
     * The signature (or decryption) failed: answer 401 and change nothing. The reason is recorded (in the language
     * records are kept in) and may be sent back to the channel.
     */
    record Forged(Phrase reason) implements ChannelNotice {
    }

    /** A payment result. {@code outcome} is PAID, FAILED or CLOSED as the channel reports it. */
    record PaymentResult(String merchantId, String orderNo, String transactionId, long amountFen,
                         ChannelOutcome outcome, Instant occurredAt) implements ChannelNotice {
    }

    /** A refund result for our refund number. */
    record RefundResult(String merchantId, String orderNo, String refundNo, String channelRefundId, long refundFen,
                        boolean succeeded, Instant occurredAt) implements ChannelNotice {
    }
}
