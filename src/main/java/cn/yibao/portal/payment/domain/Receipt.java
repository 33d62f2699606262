package cn.yibao.portal.payment.domain;

import java.time.Instant;

/**
 * An e-receipt for one paid person in an order, in the masked form a receipt shows: payer and insured person names
 * and ID numbers masked, the benefit year, the amount, the channel with its transaction id and our order number, the
 * time of payment, and the token behind the receipt's QR code (which links to the public verification page).
 */
public record Receipt(String receiptNo, String payerName, String insuredName, String insuredIdMasked,
                      String insuredRegionName, int benefitYear, long amountFen, PaymentChannelId channel,
                      String orderNo, String transactionId, Instant paidAt, String verificationUrl) {
}
