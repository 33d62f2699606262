package cn.yibao.portal.resident;

import cn.yibao.portal.resident.api.Resident;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The household at a glance on the home page: for each person, the next benefit year paid or due
 * and this year's cover, with what is due in total, by when, and one link to pay it all. Given by the contribution
 * module, so that this module does not depend on it. Lines are message keys with their arguments: the page says them
 * in the reader's language.
 */
public interface HouseholdSummary {

    /** {@code members}: the resident's active bound members, already read for the page (no second read). */
    Mono<Household> of(Resident me, List<Family.Member> members);

    /** {@code dueYuan} and {@code deadline} are null when nothing can be paid now; {@code payLink} pays everything due. */
    record Household(int nextYear, String dueYuan, int dueCount, String deadline, String payLink,
                     List<PersonLines> people) {

        /** The arguments of the line that says what is due: year, yuan, how many people, deadline. */
        public Object[] dueArgs() {
            return new Object[] {nextYear, dueYuan, dueCount, deadline};
        }
    }

    /** One person: masked name, relation (SELF, SPOUSE, CHILD…), and their lines. */
    record PersonLines(UUID personId, String maskedName, String relation, List<Line> lines) {
    }

    /**
     * One fact: {@code state} for its mark (PAID_HERE, DUE, COVERED…), the message {@code key} with {@code args},
     * and where to act on it ({@code link}, or null).
     */
    record Line(String id, String state, String key, List<Object> args, String link) {
    }
}
