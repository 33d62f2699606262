package cn.yibao.portal.benefit.domain;

import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the bound is decided, on made-up figures the seeds do not have: exact where every figure is exact, "about"
 * (never a ceiling) for a 左右 ratio, a true ceiling otherwise; remote care and rounding.
 */
class EstimatorBoundsTest {

    private static final String DEDUCTIBLE_100 = "INPATIENT_DEDUCTIBLE,2024,141121,ALL,100,EXACT,一,";
    private static final String CAP_1000 = "INPATIENT_ANNUAL_CAP,2024,141121,ALL,1000,EXACT,一,";

    private static Estimate inpatient(BenefitSchedule schedule, RemoteCare remote, long expenseFen, long usedFen) {
        return Estimator.estimate(schedule, new EstimateRequest(expenseFen, CareSetting.INPATIENT,
                FacilityLevel.SECONDARY, remote), usedFen);
    }

    private static EstimateStep last(Estimate estimate) {
        return estimate.steps().get(estimate.steps().size() - 1);
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
        assertThat(estimate.fundPaysAtMostFen()).isEqualTo(fund);
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
        assertThat(say(estimate.steps().get(1).text())).contains("起付标准100元", "超过起付标准的500元进入报销");
        assertThat(say(estimate.steps().get(2).text())).contains("500元 × 80% = 400元");
        assertThat(say(estimate.steps().get(5).text())).isEqualTo("基金支付400元；个人负担200元。");
    }

    @Test
    void aRatioOfAbout70PercentWithEverythingElseExactIsAnAboutFigureWithTheCeilingAtAFullRatio() {
        BenefitSchedule schedule = TestCatalogs.schedule(DEDUCTIBLE_100,
                "INPATIENT_FUND_RATIO,2024,141121,ALL,70,APPROXIMATE,一,稳定在70%左右。", CAP_1000);

        Estimate estimate = inpatient(schedule, RemoteCare.NONE, 60_000, 0);

        assertThat(estimate.fundPaysFen()).isEqualTo(35_000);
        assertThat(estimate.bound()).isEqualTo(Bound.APPROXIMATE);
        assertThat(estimate.fundPaysAtMostFen()).as("500元 above the deductible, at 100%").isEqualTo(50_000);
        assertThat(estimate.fundPaysAtLeastFen()).as("a target level is no floor").isNull();
        assertThat(say(last(estimate).text())).isEqualTo("基金约支付350元，最多支付500元；个人约负担250元。");
    }

    @Test
    void whenAnExactCapDecidesTheCeilingTheAnswerIsStillAboutAndNeverMoreThanWhatIsLeft() {
        BenefitSchedule schedule = TestCatalogs.schedule(DEDUCTIBLE_100,
                "INPATIENT_FUND_RATIO,2024,141121,ALL,70,APPROXIMATE,一,", CAP_1000);

        Estimate estimate = inpatient(schedule, RemoteCare.NONE, 1_000_000, 90_000);

        assertThat(estimate.fundPaysFen()).isEqualTo(10_000);
        assertThat(estimate.fundPaysAtMostFen()).isEqualTo(10_000);
        assertThat(estimate.bound()).isEqualTo(Bound.APPROXIMATE);
        assertThat(estimate.steps()).filteredOn(step -> step.code().equals("REMAINING_CAP")).singleElement()
                .satisfies(step -> assertThat(say(step.text())).contains("限额还剩100元：本次基金最多支付100元"));
        assertThat(say(last(estimate).text())).isEqualTo("基金约支付100元；个人约负担9900元。");
    }

    @Test
    void anAboutRatioWithAnUnpublishedDeductibleSaysTheAmountMayBeLessInsteadOfCallingItACeiling() {
        BenefitSchedule schedule = TestCatalogs.schedule("INPATIENT_FUND_RATIO,2024,141121,ALL,70,APPROXIMATE,一,",
                CAP_1000);

        Estimate estimate = inpatient(schedule, RemoteCare.NONE, 60_000, 0);

        assertThat(estimate.bound()).isEqualTo(Bound.APPROXIMATE);
        assertThat(estimate.fundPaysFen()).isEqualTo(42_000);
        assertThat(estimate.fundPaysAtMostFen()).isEqualTo(60_000);
        assertThat(say(last(estimate).text())).isEqualTo(
                "基金约支付420元（起付标准未公布，未扣除；实际可能更少）；个人约负担180元。");
        assertThat(say(estimate.notes())).anySatisfy(note -> assertThat(note).contains("起付标准在已收录的文件中没有具体数字",
                "“约”的金额按对参保人最有利的情况计算（不扣起付标准），实际可能更少"));
        assertThat(say(estimate.notes())).noneSatisfy(note -> assertThat(note).contains("结果是上限"));
    }

    @Test
    void aBaseLevelMinimumBesideAnOverallTargetLevelGivesTheFloorAndKeepsTheCeilingAtAFullRatio() {
        BenefitSchedule schedule = TestCatalogs.schedule(DEDUCTIBLE_100,
                "INPATIENT_FUND_RATIO,2024,141121,ALL,70,APPROXIMATE,一,稳定在70%左右。",
                "INPATIENT_FUND_RATIO,2024,141121,PRIMARY,85,MINIMUM,一,基层不低于85%。", CAP_1000);

        Estimate primary = Estimator.estimate(schedule, new EstimateRequest(60_000, CareSetting.INPATIENT,
                FacilityLevel.PRIMARY, RemoteCare.NONE), 0);
        Estimate secondary = inpatient(schedule, RemoteCare.NONE, 60_000, 0);

        assertThat(primary.bound()).isEqualTo(Bound.AT_MOST);
        assertThat(primary.fundPaysFen()).isEqualTo(50_000);
        assertThat(primary.fundPaysAtMostFen()).isEqualTo(50_000);
        assertThat(primary.fundPaysAtLeastFen()).as("500元 × 85%").isEqualTo(42_500);
        assertThat(say(last(primary).text())).isEqualTo("基金最多支付500元，至少425元；个人至少负担100元。");
        assertThat(secondary.bound()).isEqualTo(Bound.APPROXIMATE);
        assertThat(secondary.fundPaysFen()).isEqualTo(35_000);
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
    void aMaximumCapLimitsTheCeilingButGivesNoFloorBecauseTheLocalCapMayBeLower() {
        BenefitSchedule schedule = TestCatalogs.schedule(DEDUCTIBLE_100,
                "INPATIENT_FUND_RATIO,2024,141121,ALL,80,EXACT,一,",
                "INPATIENT_ANNUAL_CAP,2024,141121,ALL,300,MAXIMUM,一,");

        Estimate estimate = inpatient(schedule, RemoteCare.NONE, 60_000, 0);

        assertThat(estimate.fundPaysFen()).isEqualTo(30_000);
        assertThat(estimate.bound()).isEqualTo(Bound.AT_MOST);
        assertThat(estimate.fundPaysAtLeastFen()).isNull();
    }

    @Test
    void anApproximateDeductibleOrCapIsNeverAppliedAsIfExactTheCeilingCountsThemAtTheirMostFavourable() {
        BenefitSchedule schedule = TestCatalogs.schedule(
                "INPATIENT_DEDUCTIBLE,2024,141121,ALL,100,APPROXIMATE,一,",
                "INPATIENT_FUND_RATIO,2024,141121,ALL,80,EXACT,一,",
                "INPATIENT_ANNUAL_CAP,2024,141121,ALL,300,AVERAGE,一,");

        Estimate estimate = inpatient(schedule, RemoteCare.NONE, 60_000, 0);

        assertThat(estimate.bound()).isEqualTo(Bound.AT_MOST);
        assertThat(estimate.fundPaysFen()).as("600元 × 80%, no deductible, no cap").isEqualTo(48_000);
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
                    assertThat(say(step.text())).contains("无法给出下限");
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
