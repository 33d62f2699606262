package cn.yibao.portal.benefit.domain;

import static cn.yibao.portal.benefit.domain.BenefitFiguresTest.schedule;
import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #16, item 8: out of area, a ratio that is a target level ("稳定在70%左右", 医保发〔2023〕24号 二 and the local
 * notices) may be lowered by at most 20 points for unfiled or other temporary care and 10 for referral or emergency
 * (医保发〔2022〕22号, filing/types.csv). The headline is then a range: the lowest with the largest published
 * reduction, the highest without one — the same figures the REMOTE step computes, never a single figure beside a
 * lower one.
 */
class RemoteCareAboutRangeTest {

    @ParameterizedTest(name = "{0} {1} {2} {3}: {4}分 → 基金约支付 {5}–{6}分")
    @CsvSource(delimiter = '|', textBlock = """
            141121 | INPATIENT | SECONDARY | UNFILED_TEMPORARY | 1000000 | 500000 | 700000 | 基金约支付5000至7000元
            141121 | INPATIENT | PRIMARY   | UNFILED_TEMPORARY |  800000 | 400000 | 560000 | 基金约支付4000至5600元
            141121 | INPATIENT | TERTIARY  | FILED             | 1000000 | 600000 | 700000 | 基金约支付6000至7000元
            371000 | INPATIENT | TERTIARY  | UNFILED_TEMPORARY | 1000000 | 500000 | 700000 | 基金约支付5000至7000元
            350100 | INPATIENT | SECONDARY | FILED             |  123456 |  74074 |  86419 | 基金约支付740.74至864.19元
            210100 | INPATIENT | PRIMARY   | UNFILED_TEMPORARY | 1000000 | 500000 | 700000 | 基金约支付5000至7000元
            """)
    void anAboutFigureOutOfAreaIsARangeFromTheLargestReductionToNone(String region, CareSetting setting,
                                                                   FacilityLevel level, RemoteCare remote,
                                                                   long expense, long from, long to, String headline) {
        Estimate estimate = Estimator.estimate(schedule(region, 2024), new EstimateRequest(expense, setting, level,
                remote), 0);

        assertThat(estimate.bound()).isEqualTo(Bound.APPROXIMATE);
        EstimateStep result = estimate.steps().stream().filter(step -> step.code().equals("RESULT")).findFirst()
                .orElseThrow();
        assertThat(say(result.text())).startsWith(headline);
        EstimateStep reduced = estimate.steps().stream().filter(step -> step.code().equals("REMOTE")).findFirst()
                .orElseThrow();
        assertThat(say(reduced.text())).as("the step computes the range's lower end")
                .contains("约" + cn.yibao.portal.shared.Money.yuan(from) + "元");
        assertThat(estimate.fundPaysFen()).as("the range's upper end").isEqualTo(to);
        assertThat(estimate.fundPaysFen() + estimate.selfPaysFen()).isEqualTo(expense);
    }
}
