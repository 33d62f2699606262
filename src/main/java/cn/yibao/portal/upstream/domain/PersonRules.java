package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.benefit.api.RemoteCare;
import cn.yibao.portal.shared.Phrase;
import java.util.List;

/**
 * The rules that depend on where the person is insured: a settlement's remote flag against their pooling area, and a
 * contribution against the highest personal contribution their pooling area publishes. Corrections repeat a stored
 * record and are not asked again.
 */
final class PersonRules {

    private PersonRules() {
    }

    static void check(ImportLine line, Person person, ImportPolicy policy, List<LineProblem> problems) {
        if (line.record() instanceof SettlementRecord s && !s.isReversal()) {
            remoteMatchesThePoolingArea(line.line(), s, person, policy, problems);
        }
        if (line.record() instanceof ContributionRecord c && !c.corrected()) {
            notAboveTheHighestContribution(line.line(), c, person, policy, problems);
        }
    }

    /** Outside the pooling area is remote care (异地就医, filed or not); inside it is not. */
    private static void remoteMatchesThePoolingArea(int line, SettlementRecord s, Person person, ImportPolicy policy,
                                                    List<LineProblem> problems) {
        policy.insidePoolingArea(person.regionPath(), s.facilityRegion()).ifPresent(inside -> {
            String facility = policy.regionName(s.facilityRegion());
            String area = policy.regionName(policy.poolingArea(person.regionPath()));
            if (!inside && s.remote() == RemoteCare.NONE) {
                problems.add(new LineProblem(line, "remote", Phrase.of("upstream.problem.remote.outside", facility,
                        s.facilityRegion(), area)));
            } else if (inside && s.remote() != RemoteCare.NONE) {
                problems.add(new LineProblem(line, "remote", Phrase.of("upstream.problem.remote.inside", facility,
                        s.facilityRegion(), area, s.remote().name())));
            }
        });
    }

    private static void notAboveTheHighestContribution(int line, ContributionRecord c, Person person,
                                                       ImportPolicy policy, List<LineProblem> problems) {
        policy.personalContributionCeiling(c.benefitYear(), person.regionPath())
                .filter(highest -> c.amountFen() > highest.amountFen())
                .ifPresent(highest -> problems.add(new LineProblem(line, "amountFen", Phrase.of(
                        "upstream.problem.aboveCeiling", c.amountFen(), policy.regionName(highest.regionCode()),
                        c.benefitYear(), highest.amountFen(), highest.citation().document()))));
    }
}
