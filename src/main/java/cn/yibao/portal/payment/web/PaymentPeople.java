package cn.yibao.portal.payment.web;

import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.api.Resident;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** How the people a payer's pages name relate to the payer (the payer and bound family), and in which order. */
@Component
class PaymentPeople {

    /** The payer first, then the household as the family page lists it. */
    private static final List<String> RELATION_ORDER = List.of("SELF", "SPOUSE", "PARENT", "CHILD", "OTHER", "FAMILY");

    private final Family family;

    PaymentPeople(Family family) {
        this.family = family;
    }

    /**
     * How each person an order may name relates to the resident (SELF, SPOUSE, CHILD…), so that two "王**" are never
     * confused where money is confirmed (issue #17, item 4); {@code FAMILY} for someone no longer bound.
     */
    Mono<Map<UUID, String>> relations(Resident me) {
        return family.activeMembersOf(me).collectMap(member -> member.person().id(), member -> member.relation().name())
                .map(found -> {
                    Map<UUID, String> all = new HashMap<>(found);
                    all.put(me.id(), "SELF");
                    return all;
                });
    }

    static String relationOf(Map<UUID, String> relations, UUID person) {
        return relations.getOrDefault(person, "FAMILY");
    }

    static int relationRank(String relation) {
        int rank = RELATION_ORDER.indexOf(relation);
        return rank < 0 ? RELATION_ORDER.size() : rank;
    }
}
