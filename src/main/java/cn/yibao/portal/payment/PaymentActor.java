package cn.yibao.portal.payment;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.identity.StaffPrincipals;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.api.Resident;
import java.util.UUID;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Who moves an order, for its audit rows: the payer, a help-desk worker acting for them or an operator (staff), a
 * channel (its notification), or the portal itself (the sweeper). {@code origin} is the HTTP request behind the
 * change, when there is one: its client address and request id go into the audit row.
 */
public record PaymentActor(AuditEntry.ActorType type, String id, RequestOrigin origin) {

    static final RequestOrigin NO_REQUEST = new RequestOrigin(null, null, null);

    public PaymentActor {
        origin = origin == null ? NO_REQUEST : origin;
    }

    public static PaymentActor resident(UUID residentId, RequestOrigin origin) {
        return new PaymentActor(AuditEntry.ActorType.RESIDENT, residentId.toString(), origin);
    }

    public static PaymentActor staff(String staffId, RequestOrigin origin) {
        return new PaymentActor(AuditEntry.ActorType.STAFF, staffId, origin);
    }

    /** A channel's notification (or bill): a system actor named after the channel. */
    public static PaymentActor channel(PaymentChannelId channel, RequestOrigin origin) {
        return new PaymentActor(AuditEntry.ActorType.SYSTEM, channel.name(), origin);
    }

    /** The portal on its own (the sweeper, automatic refunds), outside any request. */
    public static PaymentActor system(String what) {
        return new PaymentActor(AuditEntry.ActorType.SYSTEM, what, NO_REQUEST);
    }

    /**
     * The one making this request for {@code me}: the help-desk worker when one acts for the resident (the assisted
     * session's own audit row names the session), otherwise the resident.
     */
    public static Mono<PaymentActor> of(ServerRequest request, Resident me) {
        RequestOrigin origin = RequestOrigin.of(request.exchange());
        PaymentActor resident = resident(me.id(), origin);
        if (!CurrentResident.isAssisted(request)) {
            return Mono.just(resident);
        }
        return StaffPrincipals.of(request)
                .map(staff -> staff(staff.staffId(), origin))
                .defaultIfEmpty(resident);
    }
}
