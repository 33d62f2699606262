package cn.yibao.portal.payment;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.contribution.ContributionPayments;
import cn.yibao.portal.contribution.api.ContributionStanding.PortalPayment;
import cn.yibao.portal.payment.domain.ItemState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Who is paid for, or has an order waiting for payment, in a benefit year. */
@Component
class PaymentMarks implements ContributionPayments {

    private final PaymentRepository payments;
    private final BusinessClock clock;

    PaymentMarks(PaymentRepository payments, BusinessClock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public Mono<Map<UUID, List<PortalPayment>>> payments(Collection<UUID> people, int year) {
        if (people.isEmpty()) {
            return Mono.just(Map.of());
        }
        return payments.standingItems(people, year)
                .map(item -> java.util.Map.entry(item.insuredId(), switch (item.state()) {
                    // Paid, with a refund asked for and not done yet (or failed and to be retried).
                    case PAID -> new PortalPayment(item.refundStatus() == null || "SUCCEEDED".equals(item.refundStatus())
                            ? PortalPayment.Kind.PAID : PortalPayment.Kind.REFUNDING, item.orderId(), item.payerId(), item.amountFen(),
                            day(item.paidAt()), item.receiptNo(), item.refundReason());
                    case REFUNDED -> new PortalPayment(PortalPayment.Kind.REFUNDED, item.orderId(), item.payerId(), item.amountFen(),
                            day(item.refundedAt()), null, item.refundReason());
                    default -> new PortalPayment(PortalPayment.Kind.OPEN, item.orderId(), item.payerId(), item.amountFen(), null,
                            null, null);
                }))
                .collectList()
                .map(entries -> entries.stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList()))));
    }

    private LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, clock.zone());
    }

    @Override
    public Mono<Map<UUID, Mark>> marks(Collection<UUID> people, int year) {
        if (people.isEmpty()) {
            return Mono.just(Map.of());
        }
        // PAID wins over OPEN for the same person (both can exist only for a moment).
        return payments.blockingItems(people, year)
                .collectMap(PaymentItem::insuredId, item -> new Mark(item.state() == ItemState.PAID, item.orderId()),
                        java.util.HashMap::new)
                .flatMap(marks -> payments.paidItems(people, year)
                        .doOnNext(item -> marks.put(item.insuredId(), new Mark(true, item.orderId())))
                        .then(Mono.just((Map<UUID, Mark>) marks)));
    }
}
