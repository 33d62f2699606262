package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.benefit.domain.RemoteCare;
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
            String facility = policy.regionName(s.facilityRegion()) + "（" + s.facilityRegion() + "）";
            String area = policy.regionName(policy.poolingArea(person.regionPath()));
            if (!inside && s.remote() == RemoteCare.NONE) {
                problems.add(new LineProblem(line, "remote", "就医机构所在地" + facility + "不在参保人的统筹地区（" + area
                        + "）内，属于异地就医：remote 应为 FILED（已备案）或 UNFILED_TEMPORARY（未备案临时外出就医），不能为 NONE。"));
            } else if (inside && s.remote() != RemoteCare.NONE) {
                problems.add(new LineProblem(line, "remote", "就医机构所在地" + facility + "在参保人的统筹地区（" + area
                        + "）内，不属于异地就医：remote 应为 NONE，不能为 " + s.remote() + "。"));
            }
        });
    }

    private static void notAboveTheHighestContribution(int line, ContributionRecord c, Person person,
                                                       ImportPolicy policy, List<LineProblem> problems) {
        policy.personalContributionCeiling(c.benefitYear(), person.regionPath())
                .filter(highest -> c.amountFen() > highest.amountFen())
                .ifPresent(highest -> problems.add(new LineProblem(line, "amountFen", "个人缴费金额（" + c.amountFen()
                        + " 分）超过" + policy.regionName(highest.regionCode()) + " " + c.benefitYear()
                        + " 年度公布的最高个人缴费标准（" + highest.amountFen() + " 分，" + highest.citation().document()
                        + "）。")));
    }
}
