package cn.yibao.portal.contribution;

import cn.yibao.portal.contribution.api.ContributionStanding;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Implemented by the payment module so that "我的缴费" can say who is paid for, without this module depending on
 * payments (which depend on it for the amounts).
 */
public interface ContributionPayments {

    /** For each person with an open or paid order this year: which, and the order's id. */
    Mono<Map<UUID, Mark>> marks(Collection<UUID> people, int year);

    record Mark(boolean paid, UUID orderId) {
    }

    /**
     * What this portal holds for these people and year, in one query: paid, waiting for payment, or refunded by an
     * operator (with when and why), by person.
     */
    Mono<Map<UUID, List<ContributionStanding.PortalPayment>>> payments(Collection<UUID> people, int year);
}
