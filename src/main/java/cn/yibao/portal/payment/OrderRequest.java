package cn.yibao.portal.payment;

import cn.yibao.portal.payment.domain.PaymentChannelId;
import java.util.List;

/**
 * A payer's request as they sent it: year, people ("SELF" or a bound member's id), channel, optional grade for
 * adults where a region offers grades; {@code atCounter} when a help-desk worker acts for the payer; {@code actor}
 * who asks (for the audit rows). The amount is never part of it.
 */
public record OrderRequest(int year, List<String> insured, PaymentChannelId channel, Integer grade,
                           boolean inWechat, String payerOpenId, String clientAddress, boolean atCounter,
                           PaymentActor actor) {
}
