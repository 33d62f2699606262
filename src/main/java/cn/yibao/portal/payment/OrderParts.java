package cn.yibao.portal.payment;

import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.resident.api.Resident;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a list or a page of orders shows besides the orders themselves: their items, their refunds and the people
 * they name (payers and insured), read in three queries whatever the number of orders ({@link Payments#partsOf}).
 */
public record OrderParts(Map<UUID, List<PaymentItem>> items, Map<UUID, List<Refunds.Refund>> refunds,
                         Map<UUID, Resident> people) {

    public List<PaymentItem> itemsOf(PaymentOrder order) {
        return items.getOrDefault(order.id(), List.of());
    }

    public List<Refunds.Refund> refundsOf(PaymentOrder order) {
        return refunds.getOrDefault(order.id(), List.of());
    }

    public Optional<Resident> person(UUID id) {
        return Optional.ofNullable(people.get(id));
    }

    /** The masked name of a person the orders name; empty if the person is not on record. */
    public String maskedName(UUID id) {
        return person(id).map(Resident::maskedName).orElse("");
    }
}
