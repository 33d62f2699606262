package cn.yibao.portal.payment;

import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.payment.domain.TransitionCause;

/**
 * One status change asked of {@link PaymentRepository#transition}: where to, why, who; with the channel's
 * transaction id when it pays, and the pay URL when the channel opened the order.
 */
record StatusChange(PaymentStatus to, TransitionCause cause, String detail, PaymentActor actor, String transactionId,
                    String payUrl) {

    static StatusChange to(PaymentStatus to, TransitionCause cause, String detail, PaymentActor actor) {
        return new StatusChange(to, cause, detail, actor, null, null);
    }

    StatusChange withTransactionId(String id) {
        return new StatusChange(to, cause, detail, actor, id, payUrl);
    }

    StatusChange withPayUrl(String url) {
        return new StatusChange(to, cause, detail, actor, transactionId, url);
    }
}
