package cn.yibao.portal.payment;

import cn.yibao.portal.payment.domain.ItemState;
import java.util.UUID;

/**
 * One person in an order: their amount and the quote figures it came from, with the document cited; once paid, the
 * receipt; once refunded (or being refunded), the refund that returns their money.
 */
public record PaymentItem(UUID orderId, UUID insuredId, int benefitYear, long amountFen, long standardFen,
                          long assistanceFen, Integer grade, String citation, ItemState state, String receiptNo,
                          UUID receiptId, String refundNo) {
}
