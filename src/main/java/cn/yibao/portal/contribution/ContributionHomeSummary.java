package cn.yibao.portal.contribution;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.contribution.api.ContributionStanding;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.HouseholdSummary;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The home page's household summary: each person's next benefit year (paid, due with amount and deadline, waiting,
 * refunded, nothing to pay) and this year's cover, with the total due and one link to pay it. Four queries whatever
 * the size of the household (the portal's payments and the upstream records, for each of the two years), one after
 * the other.
 */
@Component
class ContributionHomeSummary implements HouseholdSummary {

    private final ContributionStandings standings;
    private final ContributionQuotes quotes;
    private final BusinessClock clock;

    ContributionHomeSummary(ContributionStandings standings, ContributionQuotes quotes, BusinessClock clock) {
        this.standings = standings;
        this.quotes = quotes;
        this.clock = clock;
    }

    @Override
    public Mono<Household> of(Resident me, List<Family.Member> members) {
        List<Resident> people = new ArrayList<>();
        people.add(me);
        members.forEach(member -> people.add(member.person()));
        int next = quotes.currentBenefitYear();
        int current = clock.today().getYear();
        boolean showCurrent = current != next && quotes.benefitYears().contains(current);
        return standings.of(people, next, null)
                .flatMap(nextYear -> (showCurrent ? standings.of(people, current, null) : Mono.just(
                        Map.<UUID, ContributionStanding>of()))
                        .map(thisYear -> household(me, members, people, next, current, nextYear, thisYear)));
    }

    private Household household(Resident me, List<Family.Member> members, List<Resident> people, int next,
                                int current, Map<UUID, ContributionStanding> nextYear,
                                Map<UUID, ContributionStanding> thisYear) {
        long dueFen = 0;
        int dueCount = 0;
        LocalDate deadline = null;
        List<PersonLines> lines = new ArrayList<>();
        for (Resident person : people) {
            ContributionStanding standing = nextYear.get(person.id());
            if (standing.payableNowFen().isPresent()) {
                dueFen += standing.payableNowFen().get();
                dueCount++;
                LocalDate by = deadlineOf(standing);
                if (by != null && (deadline == null || by.isBefore(deadline))) {
                    deadline = by;
                }
            }
            List<Line> personLines = new ArrayList<>();
            ContributionStanding covered = thisYear.get(person.id());
            if (covered != null) {
                personLines.add(new Line("cover-" + person.id(), covered.paid() ? "COVERED" : "NOT_COVERED",
                        covered.paid() ? "home.cover.COVERED" : "home.cover.NOT_COVERED", List.of(current),
                        "/benefits?year=" + current));
            }
            personLines.add(nextLine(me, person, next, standing));
            lines.add(new PersonLines(person.id(), person.maskedName(), relation(me, person, members), personLines));
        }
        return new Household(next, dueCount > 0 ? Money.yuan(dueFen) : null, dueCount,
                deadline == null ? null : deadline.toString(), dueCount > 0 ? "/payment/new?year=" + next : null,
                lines);
    }

    private static Line nextLine(Resident me, Resident person, int year, ContributionStanding standing) {
        String id = "next-" + person.id();
        if (standing instanceof ContributionStanding.PaidHere paid) {
            return new Line(id, "PAID_HERE", "home.next.PAID_HERE",
                    List.of(year, Money.yuan(paid.amountFen()), String.valueOf(paid.paidOn())),
                    me.id().equals(paid.payerId()) ? "/payment/" + paid.orderId() : "/contribution?year=" + year);
        }
        if (standing instanceof ContributionStanding.PaidElsewhere paid) {
            return new Line(id, "PAID_ELSEWHERE", "home.next.PAID_ELSEWHERE",
                    List.of(year, Money.yuan(paid.amountFen()), String.valueOf(paid.paidOn()), paid.collector()),
                    "/contribution?year=" + year);
        }
        if (standing instanceof ContributionStanding.AwaitingPayment waiting) {
            return new Line(id, "AWAITING", "home.next.AWAITING", List.of(year, Money.yuan(waiting.amountFen())),
                    me.id().equals(waiting.payerId()) ? "/payment/" + waiting.orderId() : "/contribution?year=" + year);
        }
        if (standing instanceof ContributionStanding.RefundUnderway refunding) {
            return new Line(id, "REFUNDING", "home.next.REFUNDING", List.of(year, Money.yuan(refunding.amountFen())),
                    me.id().equals(refunding.payerId()) ? "/payment/" + refunding.orderId() : "/contribution?year=" + year);
        }
        if (standing instanceof ContributionStanding.Due due) {
            return new Line(id, "DUE", due.deadline() == null ? "home.next.DUE.open" : "home.next.DUE",
                    List.of(year, Money.yuan(due.dueFen()), String.valueOf(due.deadline())),
                    "/contribution?year=" + year);
        }
        if (standing instanceof ContributionStanding.Refunded refunded) {
            return new Line(id, "REFUNDED", "home.next.REFUNDED", List.of(year, Money.yuan(refunded.amountFen())),
                    "/contribution?year=" + year);
        }
        if (standing instanceof ContributionStanding.FullyAssisted) {
            return new Line(id, "FREE", "home.next.FREE", List.of(year), "/contribution?year=" + year);
        }
        return new Line(id, "NOT_PAYABLE", "home.next.NOT_PAYABLE", List.of(year), "/contribution?year=" + year);
    }

    private static LocalDate deadlineOf(ContributionStanding standing) {
        if (standing instanceof ContributionStanding.Due due) {
            return due.deadline();
        }
        return standing instanceof ContributionStanding.Refunded refunded ? refunded.deadline() : null;
    }

    private static String relation(Resident me, Resident person, List<Family.Member> members) {
        if (me.id().equals(person.id())) {
            return "SELF";
        }
        return members.stream().filter(member -> member.person().id().equals(person.id()))
                .map(member -> member.relation().name()).findFirst().orElse("FAMILY");
    }
}
