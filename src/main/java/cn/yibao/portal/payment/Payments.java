package cn.yibao.portal.payment;

import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.resident.ResidentRegistry;
import cn.yibao.portal.resident.api.Resident;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading orders: only the payer's own (another resident's order is simply not found). */
@Service
public class Payments {

    private final PaymentRepository payments;
    private final Refunds refunds;
    private final ResidentRegistry residents;

    Payments(PaymentRepository payments, Refunds refunds, ResidentRegistry residents) {
        this.payments = payments;
        this.refunds = refunds;
        this.residents = residents;
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

    /** Orders a channel contradicted, of these regions (an operator's region and the places inside it). */
    public Flux<PaymentOrder> flagged(List<String> regions) {
        return payments.flagged(regions, 50);
    }

    /** The items, refunds and people of these orders, in three queries one after the other. */
    public Mono<OrderParts> partsOf(List<PaymentOrder> orders) {
        if (orders.isEmpty()) {
            return Mono.just(new OrderParts(Map.of(), Map.of(), Map.of()));
        }
        List<UUID> ids = orders.stream().map(PaymentOrder::id).toList();
        return payments.itemsOfOrders(ids).collectList()
                .flatMap(items -> refunds.ofOrders(ids).collectList()
                        .flatMap(refundList -> residents.findAllById(Stream.concat(
                                        orders.stream().map(PaymentOrder::payerId),
                                        items.stream().map(PaymentItem::insuredId)).toList())
                                .map(people -> new OrderParts(
                                        items.stream().collect(Collectors.groupingBy(PaymentItem::orderId)),
                                        refundList.stream().collect(Collectors.groupingBy(Refunds.Refund::orderId)),
                                        people))));
    }

    public Mono<OrderParts> partsOf(PaymentOrder order) {
        return partsOf(List.of(order));
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
