package cn.yibao.portal.benefit.domain;

import static cn.yibao.portal.text.Chinese.english;
import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The named steps of {@link Estimator} one by one, on made-up inpatient figures: how the annual cap is read (CAP), what
 * is left of it (REMAINING_CAP), and how the bound is chosen; each step's words exist in Chinese and English.
 */
class EstimatorStepsTest {

    private static final String DEDUCTIBLE_0 = "INPATIENT_DEDUCTIBLE,2024,141121,ALL,0,EXACT,一,";
    private static final String RATIO_80 = "INPATIENT_FUND_RATIO,2024,141121,ALL,80,EXACT,一,";

    private static EstimateStep step(String capLine, long usedFen, String code) {
        BenefitSchedule schedule = capLine == null ? TestCatalogs.schedule(DEDUCTIBLE_0, RATIO_80)
                : TestCatalogs.schedule(DEDUCTIBLE_0, RATIO_80, capLine);
        Estimate estimate = Estimator.estimate(schedule, new EstimateRequest(50_000, CareSetting.INPATIENT,
                FacilityLevel.SECONDARY, RemoteCare.NONE), usedFen);
        return estimate.steps().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "cap {0} {1}")
    @CsvSource(textBlock = """
            EXACT,   1000, 100000, 住院年度最高支付限额1000元。
            MINIMUM, 1000, 100000, 住院年度最高支付限额不低于1000元：当地限额可能更高，本估算不按限额封顶，下限按1000元计。
            MAXIMUM, 1000, 100000, 住院年度最高支付限额不超过1000元：当地限额可能更低，基金最多按1000元封顶。
            """)
    void theCapStepReadsTheFigureByItsStanding(String kind, long yuan, long fen, String text) {
        EstimateStep cap = step("INPATIENT_ANNUAL_CAP,2024,141121,ALL," + yuan + "," + kind + ",一,", 0, "CAP");

        assertThat(cap.amountFen()).isEqualTo(fen);
        assertThat(say(cap.text())).startsWith(text);
        assertThat(english(cap.text())).startsWith("Annual limit for inpatient care " + kind.toLowerCase()
                .replace("exact", "").replace("minimum", "at least ").replace("maximum", "at most ").strip());
    }

    @Test
    void anUnpublishedCapGivesNoAmountAndSaysTheLevelsSearched() {
        EstimateStep cap = step(null, 0, "CAP");

        assertThat(cap.amountFen()).isNull();
        assertThat(say(cap.text())).startsWith("住院年度最高支付限额未公布：").contains("本估算未按限额封顶");
    }

    @ParameterizedTest(name = "used {0} of an exact 1000 yuan cap")
    @CsvSource(textBlock = """
            20000,  80000, 本年度住院基金已支付200元，限额还剩800元：本次基金最多支付800元。
            100000,     0, 本年度住院基金已支付1000元，已达到年度最高支付限额1000元，限额已用完：本次基金不再支付（0元）。
            120000,     0, 本年度住院基金已支付1200元，超过年度最高支付限额1000元，限额已用完：本次基金不再支付（0元）。
            """)
    void theRemainingCapStepSaysWhatIsLeft(long usedFen, long leftFen, String text) {
        EstimateStep remaining = step("INPATIENT_ANNUAL_CAP,2024,141121,ALL,1000,EXACT,一,", usedFen, "REMAINING_CAP");

        assertThat(remaining.amountFen()).isEqualTo(leftFen);
        assertThat(say(remaining.text())).isEqualTo(text);
    }

    @Test
    void aMinimumCapLeavesAFloorOnly() {
        EstimateStep remaining = step("INPATIENT_ANNUAL_CAP,2024,141121,ALL,1000,MINIMUM,一,", 30_000,
                "REMAINING_CAP");

        assertThat(remaining.amountFen()).isEqualTo(70_000);
        assertThat(say(remaining.text())).isEqualTo("本年度住院基金已支付300元，按不低于1000元的限额，还剩至少700元。");
        assertThat(english(remaining.text())).isEqualTo("This year the fund has paid 300 yuan for inpatient care. "
                + "With a limit of at least 1000 yuan, at least 700 yuan is left.");
    }

    @ParameterizedTest(name = "most {0}, least {1}, conditional {2}, approximate {3} → {4}")
    @CsvSource(textBlock = """
            0,    ,     false, true,  EXACT
            500,  ,     false, true,  APPROXIMATE
            500,  500,  false, false, EXACT
            500,  500,  true,  false, AT_MOST
            500,  400,  false, false, AT_MOST
            500,  ,     false, false, AT_MOST
            """)
    void theBoundIsExactOnlyWhereCeilingAndFloorMeet(long most, Long least, boolean conditional, boolean approximate,
                                                     Bound bound) {
        assertThat(Estimator.bound(most, least, conditional, approximate)).isEqualTo(bound);
    }
}
