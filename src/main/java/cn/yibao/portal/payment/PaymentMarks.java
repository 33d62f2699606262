package cn.yibao.portal.payment;

import cn.yibao.portal.contribution.ContributionPayments;
import cn.yibao.portal.payment.domain.ItemState;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Who is paid for, or has an order waiting for payment, in a benefit year. */
@Component
class PaymentMarks implements ContributionPayments {

    private final PaymentRepository payments;

    PaymentMarks(PaymentRepository payments) {
        this.payments = payments;
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
