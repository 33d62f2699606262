package cn.yibao.portal.resident;

import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.resident.domain.FamilyBinding;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the home page says about the resident's household: invitations waiting for their answer, the household summary
 * (what is paid, due, covered — given by the contribution module) and the notices of the other modules. The bindings
 * are read once and handed to each source; each source reads everyone it needs at once, so the page costs a fixed
 * number of queries whatever the size of the household.
 */
@Service
public class ResidentHome {

    private final Family family;
    private final List<HouseholdSummary> summaries;
    private final List<HomeNotices> notices;

    ResidentHome(Family family, List<HouseholdSummary> summaries, List<HomeNotices> notices) {
        this.family = family;
        this.summaries = summaries;
        this.notices = notices;
    }

    /** {@code household} is empty when no module gives a summary. */
    public record Home(int invitations, Optional<HouseholdSummary.Household> household,
                       List<HomeNotices.Notice> notices) {
    }

    public Mono<Home> of(Resident resident) {
        // One after the other: each source reads on its own connection, never two at once.
        return family.overviewOf(resident).flatMap(overview -> {
            // In the order of every household list (payer, spouse, parents, children, others), as 我的缴费 says it.
            List<Family.Member> members = overview.members().stream()
                    .filter(member -> member.status() == FamilyBinding.Status.ACTIVE)
                    .sorted(Comparator.comparingInt(member -> member.relation().listingRank())).toList();
            return Flux.fromIterable(summaries)
                    .concatMap(source -> source.of(resident, members))
                    .next().map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(household -> Flux.fromIterable(notices)
                            .concatMap(source -> source.of(resident, family.boundMinorsIn(overview)))
                            .collectList()
                            .map(found -> new Home(overview.invitations().size(), household, found)));
        });
    }
}
