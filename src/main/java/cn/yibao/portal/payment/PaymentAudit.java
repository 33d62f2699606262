package cn.yibao.portal.payment;

import cn.yibao.portal.audit.AuditTrail;
import cn.yibao.portal.audit.domain.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.payment.domain.PaymentOrder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Audit rows for payment state changes, refunds and reviews: who (payer, channel, operator), which order, outcome. */
@Component
class PaymentAudit {

    static final String ORDER_PLACED = "PAYMENT_ORDER_PLACED";
    static final String STATUS_CHANGED = "PAYMENT_STATUS";
    static final String FLAGGED = "PAYMENT_FLAGGED_FOR_REVIEW";
    static final String NOTIFICATION_FORGED = "PAYMENT_NOTIFICATION_FORGED";
    static final String REFUND = "PAYMENT_REFUND";

    private final AuditTrail audit;
    private final BusinessClock clock;

    PaymentAudit(AuditTrail audit, BusinessClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    Mono<Void> system(PaymentOrder order, String action, boolean success, String detail) {
        return audit.record(new AuditEntry(clock.now(), AuditEntry.ActorType.SYSTEM, order.channel().name(),
                order.payerId(), action, success ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILURE, null, null,
                order.orderNo() + " " + detail));
    }

    Mono<Void> anonymous(String action, String clientAddress, String detail) {
        return audit.record(new AuditEntry(clock.now(), AuditEntry.ActorType.ANONYMOUS, null, null, action,
                AuditEntry.Outcome.FAILURE, clientAddress, null, detail));
    }

    Mono<Void> resident(PaymentOrder order, String action, String clientAddress, String userAgent, String detail) {
        return audit.record(new AuditEntry(clock.now(), AuditEntry.ActorType.RESIDENT, order.payerId().toString(),
                order.payerId(), action, AuditEntry.Outcome.SUCCESS, clientAddress, userAgent,
                order.orderNo() + " " + detail));
    }

    Mono<Void> staff(String staffId, PaymentOrder order, String action, boolean success, String clientAddress,
                     String detail) {
        return audit.record(new AuditEntry(clock.now(), AuditEntry.ActorType.STAFF, staffId, order.payerId(), action,
                success ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILURE, clientAddress, null,
                order.orderNo() + " " + detail));
    }
}
