package cn.yibao.portal.payment.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An order as stored: who pays, for which year, through which channel, how much, and where it stands.
 * {@code regionCode} is the payer's insured region when the order was placed: the staff who may refund or review
 * it are that region's.
 */
public record PaymentOrder(UUID id, String orderNo, UUID payerId, int benefitYear, PaymentChannelId channel,
                           long amountFen, PaymentStatus status, int version, String transactionId, String payUrl,
                           Instant createdAt, Instant expiresAt, Instant paidAt, String reviewReason,
                           String regionCode) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
