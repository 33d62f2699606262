package cn.yibao.portal.payment.domain;

import java.time.Instant;

/**
 * An e-receipt for one paid person in an order, in the masked form a receipt shows: payer and insured person names
 * and ID numbers masked, the benefit year, the amount, the channel with its transaction id and our order number, the
 * time of payment, and the token behind the receipt's QR code (which links to the public verification page);
 * {@code insuredRelation} (a relation name such as {@code CHILD}, or null where the payer is not known) says who the
 * insured person is to the payer.
 */
public record Receipt(String receiptNo, String payerName, String insuredName, String insuredIdMasked,
                      String insuredRegionName, int benefitYear, long amountFen, PaymentChannelId channel,
                      String orderNo, String transactionId, Instant paidAt, String verificationUrl,
                      String insuredRelation) {

    /**
     * The same receipt saying how the insured person relates to the payer ({@code SELF}, {@code CHILD}…), so that
     * two receipts for "王**" of one payer are told apart.
     */
    public Receipt withRelation(String relation) {
        return new Receipt(receiptNo, payerName, insuredName, insuredIdMasked, insuredRegionName, benefitYear,
                amountFen, channel, orderNo, transactionId, paidAt, verificationUrl, relation);
    }
}
