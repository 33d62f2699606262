package cn.yibao.portal.benefit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the bound is decided, on made-up figures the seeds do not have: exact where every figure is exact, "about"
 * for a 左右 ratio, a ceiling otherwise; remote care and rounding.
 */
class EstimatorBoundsTest {

    private static final String DEDUCTIBLE_100 = "INPATIENT_DEDUCTIBLE,2024,141121,ALL,100,EXACT,一,";
    private static final String CAP_1000 = "INPATIENT_ANNUAL_CAP,2024,141121,ALL,1000,EXACT,一,";

    private static Estimate inpatient(BenefitSchedule schedule, RemoteCare remote, long expenseFen, long usedFen) {
        return Estimator.estimate(schedule, new EstimateRequest(expenseFen, CareSetting.INPATIENT,
                FacilityLevel.SECONDARY, remote), usedFen);
    }

    private static BenefitSchedule exact() {
        return TestCatalogs.schedule(DEDUCTIBLE_100, "INPATIENT_FUND_RATIO,2024,141121,ALL,80,EXACT,一,", CAP_1000);
    }

    @ParameterizedTest(name = "{0}: {1}分, 已用{2}分 → {3}分 {4}, 至少{5}")
    @CsvSource(textBlock = """
            NONE,              60000,     0, 40000, EXACT,   40000
            NONE,              60000, 90000, 10000, EXACT,   10000
            NONE,               5000,     0,     0, EXACT,       0
            FILED,             60000,     0, 40000, AT_MOST, 35000
            UNFILED_TEMPORARY, 60000,     0, 40000, AT_MOST, 30000
            """)
    void exactFiguresGiveAnExactAnswerUntilRemoteCareOpensAGap(RemoteCare remote, long expense, long used,
                                                              long fund, Bound bound, long atLeast) {
        Estimate estimate = inpatient(exact(), remote, expense, used);

        assertThat(estimate.fundPaysFen()).isEqualTo(fund);
        assertThat(estimate.bound()).isEqualTo(bound);
        assertThat(estimate.fundPaysAtLeastFen()).isEqualTo(atLeast);
    }

    @Test
    void everyStepCarriesItsAmountWhenAllFiguresAreKnown() {
        Estimate estimate = inpatient(exact(), RemoteCare.NONE, 60_000, 20_000);

        assertThat(estimate.steps()).extracting(EstimateStep::code, EstimateStep::amountFen).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SCOPE", 60_000L),
                org.assertj.core.groups.Tuple.tuple("DEDUCTIBLE", 50_000L),
                org.assertj.core.groups.Tuple.tuple("RATIO", 40_000L),
                org.assertj.core.groups.Tuple.tuple("CAP", 100_000L),
                org.assertj.core.groups.Tuple.tuple("REMAINING_CAP", 80_000L),
                org.assertj.core.groups.Tuple.tuple("RESULT", 40_000L));
        assertThat(estimate.steps().get(1).text()).contains("起付标准100元", "超过起付标准的500元进入报销");
        assertThat(estimate.steps().get(2).text()).contains("500元 × 80% = 400元");
        assertThat(estimate.steps().get(5).text()).isEqualTo("基金支付400元；个人负担200元。");
    }

    @Test
    void aRatioOfAbout70PercentWithEverythingElseExactIsAnApproximateAnswer() {
        BenefitSchedule schedule = TestCatalogs.schedule(DEDUCTIBLE_100,
                "INPATIENT_FUND_RATIO,2024,141121,ALL,70,APPROXIMATE,一,稳定在70%左右。", CAP_1000);

        Estimate estimate = inpatient(schedule, RemoteCare.NONE, 60_000, 0);

        assertThat(estimate.fundPaysFen()).isEqualTo(35_000);
        assertThat(estimate.bound()).isEqualTo(Bound.APPROXIMATE);
        assertThat(estimate.steps().get(estimate.steps().size() - 1).text()).isEqualTo("基金约支付350元；个人约负担250元。");
    }

    @Test
    void whenAnExactCapDecidesTheAmountAnApproximateRatioNoLongerMatters() {
        BenefitSchedule schedule = TestCatalogs.schedule(DEDUCTIBLE_100,
                "INPATIENT_FUND_RATIO,2024,141121,ALL,70,APPROXIMATE,一,", CAP_1000);

        Estimate estimate = inpatient(schedule, RemoteCare.NONE, 1_000_000, 90_000);

        assertThat(estimate.fundPaysFen()).isEqualTo(10_000);
        assertThat(estimate.bound()).isEqualTo(Bound.EXACT);
    }

    @Test
    void aMaximumRatioIsACeilingWithoutAFloor() {
        BenefitSchedule schedule = TestCatalogs.schedule(DEDUCTIBLE_100,
                "INPATIENT_FUND_RATIO,2024,141121,ALL,90,MAXIMUM,一,", CAP_1000);

        Estimate estimate = inpatient(schedule, RemoteCare.NONE, 60_000, 0);

        assertThat(estimate.fundPaysFen()).isEqualTo(45_000);
        assertThat(estimate.bound()).isEqualTo(Bound.AT_MOST);
        assertThat(estimate.fundPaysAtLeastFen()).isNull();
    }

    @Test
    void withoutTheFilingTypesTheRemoteStepSaysItCannotGiveAFloor() {
        BenefitSchedule schedule = BenefitRules.schedule(TestCatalogs.catalog(DEDUCTIBLE_100,
                        "INPATIENT_FUND_RATIO,2024,141121,ALL,80,EXACT,一,", CAP_1000), TestCatalogs.PATH, 2024,
                List.of());

        Estimate estimate = inpatient(schedule, RemoteCare.FILED, 60_000, 0);

        assertThat(estimate.bound()).isEqualTo(Bound.AT_MOST);
        assertThat(estimate.fundPaysAtLeastFen()).isNull();
        assertThat(estimate.steps()).filteredOn(step -> step.code().equals("REMOTE")).singleElement()
                .satisfies(step -> {
                    assertThat(step.standing()).isEqualTo(Standing.UNPUBLISHED);
                    assertThat(step.text()).contains("无法给出下限");
                });
    }

    @ParameterizedTest(name = "{0}分 × {1}% → {2}分")
    @CsvSource(textBlock = """
            333, 70, 233
            5,   50,   3
            15,  10,   2
            14,  10,   1
            0,   80,   0
            """)
    void aPercentageIsRoundedHalfUpToTheFen(long fen, long percent, long expected) {
        assertThat(Estimator.percent(fen, percent)).isEqualTo(expected);
    }

    @Test
    void theFundNeverPaysMoreThanTheBillNorANegativeAmount() {
        BenefitSchedule schedule = TestCatalogs.schedule("INPATIENT_FUND_RATIO,2024,141121,ALL,100,EXACT,一,");

        Estimate estimate = inpatient(schedule, RemoteCare.NONE, 12_345, 999_999_999);

        assertThat(estimate.fundPaysFen()).isEqualTo(12_345);
        assertThat(estimate.selfPaysFen()).isZero();
    }
}
