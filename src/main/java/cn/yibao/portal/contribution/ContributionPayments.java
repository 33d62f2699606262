package cn.yibao.portal.contribution;

import java.util.Collection;
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
}
