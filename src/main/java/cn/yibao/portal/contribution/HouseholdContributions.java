package cn.yibao.portal.contribution;

import cn.yibao.portal.contribution.api.ContributionStanding;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.api.Resident;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * One read of a household for a benefit year, shared by "我的缴费", {@code GET /api/v1/contributions} and the page that
 * chooses whom to pay for: the resident and the active bound members with their relation (payer first, see
 * {@link Family#household}), each with the quote and what the caller needs of their payments — the standing
 * (paid here or elsewhere, waiting, due, refunded…), the open or paid order, or both. A fixed number of queries
 * whatever the size of the household, one after the other: the household (two), the standings (two), the orders
 * (two); quotes are computed in memory.
 */
@Service
public class HouseholdContributions {

    private final Family family;
    private final ContributionQuotes quotes;
    private final ContributionStandings standings;
    private final ContributionPayments payments;

    HouseholdContributions(Family family, ContributionQuotes quotes, ContributionStandings standings,
                           ContributionPayments payments) {
        this.family = family;
        this.quotes = quotes;
        this.standings = standings;
        this.payments = payments;
    }

    /**
     * One person of the household for the year: who, how related ({@code SELF}, {@code SPOUSE}…), the quote for
     * them, their {@code standing} (null unless asked for) and their open or paid {@code order} (null when there is
     * none, or it was not asked for).
     */
    public record Member(Resident person, String relation, QuoteResult quote, ContributionStanding standing,
                         ContributionPayments.Mark order) {
    }

    /** For "我的缴费": each person's standing; {@code grade}: the adult grade chosen on the page, or null. */
    public Mono<List<Member>> withStandings(Resident me, int year, Integer grade) {
        return read(me, year, grade, true, false);
    }

    /** For choosing whom to pay for: each person's open or paid order, quoted at their own grade. */
    public Mono<List<Member>> withOrders(Resident me, int year) {
        return read(me, year, null, false, true);
    }

    /** For the API, which says both. */
    public Mono<List<Member>> withStandingsAndOrders(Resident me, int year, Integer grade) {
        return read(me, year, grade, true, true);
    }

    private Mono<List<Member>> read(Resident me, int year, Integer grade, boolean withStandings,
                                    boolean withOrders) {
        return family.household(me).flatMap(household -> {
            List<Resident> people = household.stream().map(Family.Person::resident).toList();
            List<UUID> ids = people.stream().map(Resident::id).toList();
            Mono<Map<UUID, ContributionPayments.Mark>> orders = withOrders ? payments.marks(ids, year)
                    : Mono.just(Map.of());
            return orders.flatMap(marks -> (withStandings ? standings.of(people, year, grade)
                            : Mono.just(Map.<UUID, ContributionStanding>of()))
                    .map(found -> household.stream().map(person -> new Member(person.resident(), person.relation(),
                            quotes.quoteFor(person.resident(), year, grade), found.get(person.resident().id()),
                            marks.get(person.resident().id()))).toList()));
        });
    }
}
