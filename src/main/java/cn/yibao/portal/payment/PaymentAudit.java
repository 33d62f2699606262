package cn.yibao.portal.payment;

import cn.yibao.portal.audit.AuditTrail;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.payment.domain.TransitionCause;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Audit rows for payments: every status change (written by {@link PaymentRepository#transition}, the one gate),
 * refunds and reviews. Each row names the order (object id), the actor (payer, worker or operator, channel, the
 * portal itself) and, when a request caused it, the request's id and client address. Rows written inside an
 * assisted request carry no assisted-session id: the gate's ASSIST_ACTION row is that request's one row for the
 * session, and the request id ties the others to it.
 */
@Component
class PaymentAudit {

    static final String ORDER_PLACED = "PAYMENT_ORDER_PLACED";
    static final String STATUS_CHANGED = "PAYMENT_STATUS";
    static final String FLAGGED = "PAYMENT_FLAGGED_FOR_REVIEW";
    static final String NOTIFICATION_FORGED = "PAYMENT_NOTIFICATION_FORGED";
    static final String REFUND = "PAYMENT_REFUND";
    /** An operator looked at what a refund of the order would be (whose money, how much), before confirming. */
    static final String REFUND_PREVIEW = "PAYMENT_REFUND_PREVIEW";

    private final AuditTrail audit;
    private final BusinessClock clock;

    PaymentAudit(AuditTrail audit, BusinessClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The order was stored (status CREATED). */
    Mono<Void> placed(PaymentOrder order, String detail, PaymentActor actor) {
        return about(order, ORDER_PLACED, true, "→" + PaymentStatus.CREATED + " (" + TransitionCause.ORDER_PLACED
                + ") " + detail, actor);
    }

    /** One edge of the status graph was taken. */
    Mono<Void> statusChanged(PaymentOrder order, PaymentStatus to, TransitionCause cause, String detail,
                             PaymentActor actor) {
        return about(order, STATUS_CHANGED, true, order.status() + "→" + to + " (" + cause + ")"
                + (detail == null ? "" : " " + detail), actor);
    }

    /** Anything else about an order: a refund asked for or answered, a result that did not match. */
    Mono<Void> about(PaymentOrder order, String action, boolean success, String detail, PaymentActor actor) {
        return audit.record(new AuditEntry(clock.now(), actor.type(), actor.id(), order.payerId(), action,
                success ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILURE, actor.origin().clientAddress(),
                actor.origin().userAgent(), order.orderNo() + " " + detail, order.id().toString(),
                actor.origin().requestId(), null));
    }

    Mono<Void> anonymous(String action, String clientAddress, String requestId, String detail) {
        return audit.record(new AuditEntry(clock.now(), AuditEntry.ActorType.ANONYMOUS, null, null, action,
                AuditEntry.Outcome.FAILURE, clientAddress, null, detail, null, requestId, null));
    }
}
