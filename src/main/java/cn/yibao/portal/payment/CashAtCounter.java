package cn.yibao.portal.payment;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.identity.StaffPrincipals;
import cn.yibao.portal.identity.api.StaffPowers;
import cn.yibao.portal.identity.api.StaffRole;
import cn.yibao.portal.payment.domain.ChannelOutcome;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.TransitionCause;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.shared.Phrase;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * A help-desk worker records cash taken for a CASH order, with the number of the paper receipt they gave: the
 * order becomes PAID like any other, its transaction id names the worker and the receipt.
 */
@Service
public class CashAtCounter {

    private static final Pattern RECEIPT_NO = Pattern.compile("[A-Za-z0-9-]{4,32}");

    private final SettlingPayments settling;

    CashAtCounter(SettlingPayments settling) {
        this.settling = settling;
    }

    /** Empty when recorded; otherwise why nothing changed. */
    public Mono<Optional<Phrase>> record(ServerRequest request, PaymentOrder order, String receiptNo) {
        if (!CurrentResident.isAssisted(request) || order.channel() != PaymentChannelId.CASH) {
            return refused(Phrase.of("cash.refused.notAssisting"));
        }
        if (receiptNo == null || !RECEIPT_NO.matcher(receiptNo.strip()).matches()) {
            return refused(Phrase.of("cash.refused.receiptFormat"));
        }
        if (!order.status().isOpen()) {
            return refused(Phrase.of("cash.refused.notOpen"));
        }
        // The gate lets only a help-desk worker act in a session; the money is theirs to take, so ask again here.
        return StaffPrincipals.of(request).filter(staff -> StaffPowers.holds(staff, StaffRole.HELP_DESK))
                .flatMap(staff -> settling.apply("CASH", order.orderNo(), "CASH-" + staff.staffId() + "-" + receiptNo.strip(),
                        order.amountFen(), ChannelOutcome.PAID, TransitionCause.CASH_COLLECTION,
                        PaymentActor.staff(staff.staffId(), RequestOrigin.of(request.exchange()))))
                .map(effect -> effect == SettlingPayments.Effect.MOVED ? Optional.<Phrase>empty()
                        : Optional.of(Phrase.of("cash.refused.changed")))
                .defaultIfEmpty(Optional.of(Phrase.of("cash.refused.notAssisting")));
    }

    private static Mono<Optional<Phrase>> refused(Phrase why) {
        return Mono.just(Optional.of(why));
    }
}
