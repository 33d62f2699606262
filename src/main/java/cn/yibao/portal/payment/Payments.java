package cn.yibao.portal.payment;

import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.resident.domain.Resident;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading orders: only the payer's own (another resident's order is simply not found). */
@Service
public class Payments {

    private final PaymentRepository payments;
    private final Refunds refunds;

    Payments(PaymentRepository payments, Refunds refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    public Flux<PaymentOrder> ofPayer(Resident payer, Integer year) {
        return payments.ofPayer(payer.id(), year);
    }

    public Mono<PaymentOrder> findFor(Resident payer, UUID id) {
        return findFor(payer.id(), id);
    }

    public Mono<PaymentOrder> findFor(UUID payerId, UUID id) {
        return payments.find(id).filter(order -> order.payerId().equals(payerId));
    }

    /** Any order by id, for links that carry their own proof (a signed PAY_LINK code). */
    public Mono<PaymentOrder> byId(UUID id) {
        return payments.find(id);
    }

    /** For operators: any order by its number. */
    public Mono<PaymentOrder> byOrderNo(String orderNo) {
        return payments.findByOrderNo(orderNo);
    }

    public Flux<PaymentOrder> flagged() {
        return payments.flagged(50);
    }

    public Flux<PaymentItem> items(PaymentOrder order) {
        return payments.items(order.id());
    }

    /** The order's refunds, each with its own number and status, oldest first. */
    public Flux<Refunds.Refund> refunds(PaymentOrder order) {
        return refunds.ofOrder(order.id());
    }

    public Flux<PaymentEvent> events(PaymentOrder order) {
        return payments.events(order.id());
    }

    /**
     * A person's contribution for a benefit year through this portal, whoever paid (the person, a parent, a worker's
     * cash collection): the paid item with its amount and when its order was paid, and whether an order waits.
     */
    public record ContributionState(Optional<Paid> paid, boolean orderOpen) {

        public record Paid(long amountFen, Instant paidAt) {
        }
    }

    public Mono<ContributionState> contributionState(UUID insuredId, int year) {
        return payments.contributionItems(insuredId, year).collectList().map(items -> new ContributionState(
                items.stream().filter(item -> item.state() == ItemState.PAID).findFirst()
                        .map(item -> new ContributionState.Paid(item.amountFen(), item.paidAt())),
                items.stream().anyMatch(item -> item.state() == ItemState.OPEN)));
    }
}
