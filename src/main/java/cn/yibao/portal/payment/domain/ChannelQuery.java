package cn.yibao.portal.payment.domain;

import java.time.Instant;

/** The answer to "what do you know about this order?" ({@code transactionId}, {@code paidAt} only when paid). */
public record ChannelQuery(String orderNo, ChannelOutcome outcome, String transactionId, long amountFen,
                           Instant paidAt) {
}
