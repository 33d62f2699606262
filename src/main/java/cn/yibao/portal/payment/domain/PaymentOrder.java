package cn.yibao.portal.payment.domain;

import cn.yibao.portal.shared.Phrase;
import java.time.Instant;
import java.util.UUID;

/**
 * An order as stored: who pays, for which year, through which channel, how much, and where it stands.
 * {@code regionCode} is the payer's insured region when the order was placed: the staff who may refund or review
 * it are that region's. {@code reviewReason}: why a channel's answer or a bill put it up for review, if one did.
 */
public record PaymentOrder(UUID id, String orderNo, UUID payerId, int benefitYear, PaymentChannelId channel,
                           long amountFen, PaymentStatus status, int version, String transactionId, String payUrl,
                           Instant createdAt, Instant expiresAt, Instant paidAt, Phrase reviewReason,
                           String regionCode) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
