package cn.yibao.portal.benefit.domain;

import static cn.yibao.portal.benefit.domain.BenefitFiguresTest.schedule;
import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The estimator on the real catalog: each step, the bound, and what stays honest where figures are missing. */
class EstimatorTest {

    private static Estimate estimate(String region, int year, CareSetting setting, FacilityLevel level,
                                     RemoteCare remote, long expenseFen, long usedFen) {
        return Estimator.estimate(schedule(region, year), new EstimateRequest(expenseFen, setting, level, remote),
                usedFen);
    }

    private static List<String> texts(Estimate estimate) {
        List<String> texts = new java.util.ArrayList<>(say(estimate.notes()));
        estimate.steps().forEach(step -> texts.add(say(step.text())));
        return texts;
    }

    private static EstimateStep step(Estimate estimate, String code) {
        return estimate.steps().stream().filter(step -> step.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + code + " in " + estimate.steps()));
    }

    @ParameterizedTest(name = "{0} {1}年度 {2} {3} {4}: {5}分, 已用{6}分 → 基金{7}分 ({9}), 最多{10}, 至少{11}")
    @CsvSource(textBlock = """
            141121, 2024, INPATIENT,   SECONDARY, NONE,              1000000,     0,  700000, 300000, APPROXIMATE, 1000000,
            141121, 2024, INPATIENT,   PRIMARY,   NONE,               800000,     0,  560000, 240000, APPROXIMATE,  800000,
            141121, 2024, INPATIENT,   SECONDARY, UNFILED_TEMPORARY, 1000000,     0,  700000, 300000, APPROXIMATE, 1000000,
            371000, 2024, INPATIENT,   PRIMARY,   NONE,              1000000,     0, 1000000,      0, AT_MOST,     1000000,
            371000, 2024, INPATIENT,   TERTIARY,  NONE,              1000000,     0,  700000, 300000, APPROXIMATE, 1000000,
            350100, 2024, INPATIENT,   SECONDARY, NONE,              1000000,     0,  700000, 300000, APPROXIMATE, 1000000,
            210100, 2024, INPATIENT,   PRIMARY,   FILED,             1000000,     0,  700000, 300000, APPROXIMATE, 1000000,
            141121, 2024, OUTPATIENT,  PRIMARY,   NONE,                50000, 12000,   18000,  32000, AT_MOST,       18000,
            141121, 2024, OUTPATIENT,  PRIMARY,   NONE,                50000, 30000,       0,  50000, EXACT,             0, 0
            141121, 2024, OUTPATIENT,  PRIMARY,   NONE,                50000, 35000,       0,  50000, EXACT,             0, 0
            141121, 2024, OUTPATIENT,  PRIMARY,   NONE,                10000, 12000,   10000,      0, AT_MOST,       10000,
            210100, 2024, OUTPATIENT,  PRIMARY,   NONE,                60000,     0,   60000,      0, AT_MOST,       60000,
            210100, 2024, TWO_DISEASE, PRIMARY,   NONE,                60000,     0,   60000,      0, AT_MOST,       60000, 36000
            210100, 2024, TWO_DISEASE, PRIMARY,   FILED,               60000,     0,   60000,      0, AT_MOST,       60000, 30000
            210100, 2024, TWO_DISEASE, TERTIARY,  UNFILED_TEMPORARY,   60000,     0,   60000,      0, AT_MOST,       60000, 24000
            141121, 2024, TWO_DISEASE, PRIMARY,   NONE,                20000,     0,   20000,      0, AT_MOST,       20000,
            350100, 2024, OUTPATIENT,  SECONDARY, NONE,                20000,     0,   20000,      0, AT_MOST,       20000,
            """)
    void estimatesWithinWhatTheDocumentsSay(String region, int year, CareSetting setting, FacilityLevel level,
                                            RemoteCare remote, long expense, long used, long fund, long self,
                                            Bound bound, long atMost, Long atLeast) {
        Estimate estimate = estimate(region, year, setting, level, remote, expense, used);

        assertThat(estimate.fundPaysFen()).as("fund").isEqualTo(fund);
        assertThat(estimate.selfPaysFen()).as("self").isEqualTo(self);
        assertThat(estimate.bound()).as("bound").isEqualTo(bound);
        assertThat(estimate.fundPaysAtMostFen()).as("ceiling").isEqualTo(atMost);
        assertThat(estimate.fundPaysAtLeastFen()).as("floor").isEqualTo(atLeast);
        assertThat(estimate.fundPaysFen() + estimate.selfPaysFen()).isEqualTo(expense);
        assertThat(estimate.steps()).extracting(EstimateStep::code).startsWith("SCOPE").endsWith("RESULT")
                .contains("DEDUCTIBLE", "RATIO", "CAP", "REMAINING_CAP");
    }

    @Nested
    class Inpatient {

        @Test
        void wenshuiAt70PercentAboutIsAnAboutFigureNotACeilingWithTheDeductibleAndCapNamedAsUnpublished() {
            Estimate estimate = estimate("141121", 2024, CareSetting.INPATIENT, FacilityLevel.SECONDARY,
                    RemoteCare.NONE, 1_000_000, 0);

            assertThat(estimate.steps()).extracting(EstimateStep::code)
                    .containsExactly("SCOPE", "DEDUCTIBLE", "RATIO", "CAP", "REMAINING_CAP", "RESULT");
            assertThat(say(step(estimate, "SCOPE").text())).contains("费用10000元", "政策范围内", "基金实际支付只会更少");
            EstimateStep deductible = step(estimate, "DEDUCTIBLE");
            assertThat(deductible.standing()).isEqualTo(Standing.UNPUBLISHED);
            assertThat(deductible.citation()).isNull();
            assertThat(deductible.amountFen()).isEqualTo(1_000_000);
            assertThat(say(deductible.text())).contains("住院起付标准未公布", "文水县、吕梁市、山西省及国家文件均未规定",
                    "未扣除起付标准", "实际进入报销的部分可能更少");
            EstimateStep ratio = step(estimate, "RATIO");
            assertThat(ratio.standing()).isEqualTo(Standing.APPROXIMATE);
            assertThat(ratio.citation().document()).isEqualTo("文医保发〔2023〕10号");
            assertThat(ratio.amountFen()).isEqualTo(700_000);
            assertThat(say(ratio.text())).contains("70%左右", "不是每张单据的固定比例", "也不是上限", "可能高于或低于70%",
                    "≈ 7000元", "上限按比例100%计，为10000元");
            EstimateStep cap = step(estimate, "CAP");
            assertThat(cap.standing()).isEqualTo(Standing.UNPUBLISHED);
            assertThat(cap.amountFen()).isNull();
            assertThat(say(cap.text())).contains("住院年度最高支付限额未公布", "未按限额封顶");
            assertThat(step(estimate, "REMAINING_CAP").amountFen()).isNull();
            assertThat(say(step(estimate, "RESULT").text())).isEqualTo("基金约支付7000元（起付标准未公布，未扣除；"
                    + "年度最高支付限额未公布，未封顶；实际可能更少）；个人约负担3000元。");
            assertThat(say(estimate.notes()))
                    .anySatisfy(note -> assertThat(note).contains("起付标准、年度最高支付限额", "“约”的金额",
                            "实际可能更少").doesNotContain("上限"))
                    .anySatisfy(note -> assertThat(note).contains("左右", "不是上限", "本次基金最多支付10000元"));
        }

        @Test
        void theReviewersExample8000YuanAtABaseLevelFacilityIsAbout5600AndNeverCalledAnUpperLimit() {
            Estimate estimate = estimate("141121", 2024, CareSetting.INPATIENT, FacilityLevel.PRIMARY,
                    RemoteCare.NONE, 800_000, 0);

            assertThat(estimate.bound()).isEqualTo(Bound.APPROXIMATE);
            assertThat(say(estimate.bound().phrase())).isEqualTo("基金约支付");
            assertThat(estimate.fundPaysFen()).isEqualTo(560_000);
            assertThat(estimate.selfPaysFen()).isEqualTo(240_000);
            assertThat(estimate.fundPaysAtMostFen()).as("a bill may be paid above 70%").isEqualTo(800_000);
            assertThat(estimate.fundPaysAtLeastFen()).isNull();
            assertThat(say(step(estimate, "RESULT").text())).startsWith("基金约支付5600元").contains("个人约负担2400元")
                    .doesNotContain("最多", "至少");
            assertThat(texts(estimate)).noneSatisfy(text -> assertThat(text).containsAnyOf("结果是上限", "最多约",
                    "最多支付5600", "至少负担2400", "至少约"));
        }

        @Test
        void weihaiBaseLevelAtLeast85PercentIsACeilingAt100PercentAndGivesNoFloorWhileTheDeductibleIsUnpublished() {
            Estimate estimate = estimate("371000", 2024, CareSetting.INPATIENT, FacilityLevel.PRIMARY,
                    RemoteCare.NONE, 1_000_000, 0);

            EstimateStep ratio = step(estimate, "RATIO");
            assertThat(ratio.standing()).isEqualTo(Standing.MINIMUM);
            assertThat(ratio.citation().document()).isEqualTo("鲁医保发〔2023〕36号");
            assertThat(say(ratio.text())).contains("不低于85%", "实际比例可能更高", "上限按比例100%计，为10000元");
            assertThat(ratio.amountFen()).isEqualTo(1_000_000);
            assertThat(say(step(estimate, "DEDUCTIBLE").text())).contains("威海市、山东省及国家文件均未规定");
            assertThat(estimate.bound()).as("the 70%左右 overall level does not enter base-level care").isEqualTo(Bound.AT_MOST);
            assertThat(estimate.fundPaysAtLeastFen()).as("no floor without the deductible").isNull();
            assertThat(say(step(estimate, "RESULT").text())).isEqualTo("基金最多支付10000元；个人至少负担0元。");
        }

        @Test
        void weihaiSecondaryAndTertiaryCareUseTheOverall70PercentLevelAsAnAboutFigure() {
            Estimate estimate = estimate("371000", 2024, CareSetting.INPATIENT, FacilityLevel.TERTIARY,
                    RemoteCare.NONE, 1_000_000, 0);

            assertThat(estimate.bound()).isEqualTo(Bound.APPROXIMATE);
            assertThat(say(step(estimate, "RATIO").text())).contains("70%左右", "≈ 7000元");
            assertThat(say(step(estimate, "RESULT").text())).startsWith("基金约支付7000元");
        }

        @Test
        void unfiledCareOutOfAreaSaysHowLowTheReductionMayTakeTheAboutFigure() {
            Estimate estimate = estimate("141121", 2024, CareSetting.INPATIENT, FacilityLevel.TERTIARY,
                    RemoteCare.UNFILED_TEMPORARY, 1_000_000, 0);

            EstimateStep remote = step(estimate, "REMOTE");
            assertThat(say(remote.text())).contains("其他临时外出就医最多降低20个百分点", "上限不变", "70% − 20个百分点 = 50%",
                    "约5000元");
            assertThat(remote.amountFen()).as("the low end of the about range").isEqualTo(500_000);
            assertThat(remote.citation().document()).isEqualTo("医保发〔2022〕22号");
            assertThat(estimate.fundPaysFen()).isEqualTo(700_000);
            assertThat(estimate.fundPaysFromFen()).isEqualTo(500_000);
            assertThat(estimate.bound()).isEqualTo(Bound.APPROXIMATE);
            assertThat(say(step(estimate, "RESULT").text())).startsWith("基金约支付5000至7000元").contains("实际可能更少",
                    "个人约负担3000至5000元");
        }
    }

    @Nested
    class Outpatient {

        @Test
        void wenshui300YuanCapWith120AlreadyUsedLeavesAtMost180() {
            Estimate estimate = estimate("141121", 2024, CareSetting.OUTPATIENT, FacilityLevel.PRIMARY,
                    RemoteCare.NONE, 50_000, 12_000);

            EstimateStep cap = step(estimate, "CAP");
            assertThat(cap.standing()).isEqualTo(Standing.EXACT);
            assertThat(cap.amountFen()).isEqualTo(30_000);
            assertThat(cap.citation().document()).isEqualTo("文医保发〔2023〕10号");
            EstimateStep remaining = step(estimate, "REMAINING_CAP");
            assertThat(remaining.amountFen()).isEqualTo(18_000);
            assertThat(say(remaining.text())).contains("已支付120元", "还剩180元");
            assertThat(say(step(estimate, "RATIO").text())).contains("普通门诊统筹支付比例（基层医疗机构）未公布",
                    "文水县、吕梁市、山西省及国家文件均未规定");
            assertThat(say(step(estimate, "RESULT").text())).isEqualTo("基金最多支付180元；个人至少负担320元。");
            assertThat(estimate.bound()).isEqualTo(Bound.AT_MOST);
        }

        @Test
        void aCapFullyUsedMeansTheFundPaysNothingForCertain() {
            Estimate estimate = estimate("141121", 2024, CareSetting.OUTPATIENT, FacilityLevel.PRIMARY,
                    RemoteCare.NONE, 50_000, 30_000);

            assertThat(step(estimate, "REMAINING_CAP").amountFen()).isZero();
            assertThat(say(step(estimate, "REMAINING_CAP").text())).isEqualTo("本年度普通门诊统筹基金已支付300元，"
                    + "已达到年度最高支付限额300元，限额已用完：本次基金不再支付（0元）。");
            assertThat(say(step(estimate, "RESULT").text())).isEqualTo("基金支付0元；个人负担500元。");
            assertThat(estimate.bound()).isEqualTo(Bound.EXACT);
        }

        @Test
        void usageAboveTheCapFromCorrectedRecordsLeavesNothingAndSaysTheCapIsReached() {
            Estimate estimate = estimate("141121", 2024, CareSetting.OUTPATIENT, FacilityLevel.PRIMARY,
                    RemoteCare.NONE, 50_000, 35_000);

            assertThat(estimate.fundPaysFen()).isZero();
            assertThat(estimate.fundPaysAtMostFen()).isZero();
            assertThat(estimate.fundPaysAtLeastFen()).isZero();
            assertThat(estimate.selfPaysFen()).isEqualTo(50_000);
            assertThat(estimate.bound()).isEqualTo(Bound.EXACT);
            EstimateStep remaining = step(estimate, "REMAINING_CAP");
            assertThat(remaining.amountFen()).isZero();
            assertThat(say(remaining.text())).contains("已支付350元", "超过年度最高支付限额300元", "限额已用完", "本次基金不再支付")
                    .doesNotContain("还剩");
        }

        @Test
        void shenyangUsageAtTheMinimumCapSaysTheLocalCapMayBeHigherInsteadOfGuessingWhatIsLeft() {
            Estimate estimate = estimate("210100", 2024, CareSetting.OUTPATIENT, FacilityLevel.PRIMARY,
                    RemoteCare.NONE, 60_000, 55_000);

            assertThat(say(step(estimate, "REMAINING_CAP").text())).contains("已达到不低于500元的限额的最低标准",
                    "当地限额可能更高", "无法确定是否还有剩余");
            assertThat(estimate.bound()).isEqualTo(Bound.AT_MOST);
            assertThat(estimate.fundPaysFen()).isEqualTo(60_000);
            assertThat(estimate.fundPaysAtLeastFen()).isNull();
        }

        @Test
        void shenyangAtLeast50PercentWithTheCitysDeductibleLeftToTheCity() {
            Estimate estimate = estimate("210100", 2024, CareSetting.OUTPATIENT, FacilityLevel.SECONDARY,
                    RemoteCare.NONE, 60_000, 0);

            EstimateStep deductible = step(estimate, "DEDUCTIBLE");
            assertThat(deductible.standing()).isEqualTo(Standing.LOCAL_CHOICE);
            assertThat(deductible.citation().document()).isEqualTo("辽医保发〔2023〕11号");
            assertThat(say(deductible.text())).contains("由各市结合实际自行确定", "沈阳市的具体标准未在已收录的文件中公布",
                    "未扣除起付标准");
            assertThat(step(estimate, "RATIO").standing()).isEqualTo(Standing.MINIMUM);
            assertThat(say(step(estimate, "RATIO").text())).contains("不低于50%");
            EstimateStep cap = step(estimate, "CAP");
            assertThat(cap.standing()).isEqualTo(Standing.MINIMUM);
            assertThat(cap.amountFen()).isEqualTo(50_000);
            assertThat(say(step(estimate, "REMAINING_CAP").text())).contains("还剩至少500元");
            assertThat(estimate.bound()).isEqualTo(Bound.AT_MOST);
            assertThat(estimate.fundPaysAtLeastFen()).isNull();
        }
    }

    @Nested
    class TwoDiseases {

        @Test
        void shenyangHasNoDeductibleAndAtLeast60PercentWithTheCapLeftToTheCity() {
            Estimate estimate = estimate("210100", 2024, CareSetting.TWO_DISEASE, FacilityLevel.PRIMARY,
                    RemoteCare.NONE, 60_000, 0);

            EstimateStep deductible = step(estimate, "DEDUCTIBLE");
            assertThat(deductible.standing()).isEqualTo(Standing.EXACT);
            assertThat(deductible.amountFen()).isEqualTo(60_000);
            assertThat(say(deductible.text())).contains("不设起付标准（0元）");
            EstimateStep ratio = step(estimate, "RATIO");
            assertThat(ratio.standing()).isEqualTo(Standing.MINIMUM);
            assertThat(say(ratio.text())).contains("600元 × 60% = 360元");
            assertThat(step(estimate, "CAP").standing()).isEqualTo(Standing.LOCAL_CHOICE);
            assertThat(estimate.fundPaysAtLeastFen()).isEqualTo(36_000);
            assertThat(say(estimate.notes())).anySatisfy(note -> assertThat(note)
                    .contains("“至少”的金额以本年度基金支付累计未超过两病门诊用药年度最高支付限额为前提"));
        }

        @Test
        void remoteCareMovesTheFloorNotTheCeiling() {
            Estimate filed = estimate("210100", 2024, CareSetting.TWO_DISEASE, FacilityLevel.PRIMARY,
                    RemoteCare.FILED, 60_000, 0);
            Estimate unfiled = estimate("210100", 2024, CareSetting.TWO_DISEASE, FacilityLevel.PRIMARY,
                    RemoteCare.UNFILED_TEMPORARY, 60_000, 0);

            EstimateStep filedStep = step(filed, "REMOTE");
            assertThat(filedStep.standing()).isEqualTo(Standing.MAXIMUM);
            assertThat(say(filedStep.text())).contains("异地长期居住类备案按参保地比例报销", "异地转诊就医最多降低10个百分点",
                    "异地急诊抢救最多降低10个百分点", "60% − 10个百分点 = 50%");
            assertThat(filedStep.amountFen()).isEqualTo(30_000);
            assertThat(say(step(unfiled, "REMOTE").text())).contains("其他临时外出就医最多降低20个百分点")
                    .doesNotContain("异地转诊就医");
            assertThat(step(unfiled, "REMOTE").amountFen()).isEqualTo(24_000);
            assertThat(List.of(filed.fundPaysFen(), unfiled.fundPaysFen())).containsOnly(60_000L);
            assertThat(step(filed, "RATIO").amountFen()).isEqualTo(60_000);
        }

        @Test
        void wenshuiCoversTwoDiseaseDrugsFrom1September2023ButPublishesNoRatio() {
            Estimate estimate = estimate("141121", 2024, CareSetting.TWO_DISEASE, FacilityLevel.PRIMARY,
                    RemoteCare.NONE, 20_000, 0);

            EstimateStep coverage = step(estimate, "COVERAGE");
            assertThat(coverage.citation().document()).isEqualTo("文医保发〔2023〕10号");
            assertThat(say(coverage.text())).contains("2023年9月1日起", "降血压、降血糖药品");
            assertThat(step(estimate, "RATIO").standing()).isEqualTo(Standing.UNPUBLISHED);
            assertThat(say(step(estimate, "RATIO").text())).contains("两病门诊用药支付比例（基层医疗机构）未公布");
            assertThat(estimate.bound()).isEqualTo(Bound.AT_MOST);
        }

        @Test
        void inTheBenefitYear2023OnlyDrugsFromSeptemberAreCovered() {
            Estimate estimate = estimate("141121", 2023, CareSetting.TWO_DISEASE, FacilityLevel.PRIMARY,
                    RemoteCare.NONE, 20_000, 0);

            assertThat(say(estimate.notes())).contains("2023年度只有2023年9月1日起的两病用药纳入基金支付。");
        }
    }

    @Nested
    class Validation {

        @ParameterizedTest(name = "{0}分 → {1}: {2}")
        @CsvSource(textBlock = """
                0,          expenseFen, 费用金额必须大于0元。
                -100,       expenseFen, 费用金额必须大于0元。
                1000000001, expenseFen, 费用金额不能超过1000万元，请检查输入。
                """)
        void anExpenseOutsideSaneLimitsIsRefusedWithAChineseMessage(long expense, String field, String message) {
            assertThatThrownBy(() -> estimate("141121", 2024, CareSetting.INPATIENT, FacilityLevel.PRIMARY,
                    RemoteCare.NONE, expense, 0))
                    .isInstanceOfSatisfying(InvalidEstimateRequest.class, e -> {
                        assertThat(e.field()).isEqualTo(field);
                        assertThat(say(e.phrase())).isEqualTo(message);
                    });
        }

        @Test
        void theLargestSaneExpenseIsAccepted() {
            assertThat(estimate("141121", 2024, CareSetting.INPATIENT, FacilityLevel.PRIMARY, RemoteCare.NONE,
                    Estimator.MAX_EXPENSE_FEN, 0).fundPaysFen()).isEqualTo(700_000_000L);
            assertThat(estimate("141121", 2024, CareSetting.INPATIENT, FacilityLevel.PRIMARY, RemoteCare.NONE,
                    Estimator.MAX_EXPENSE_FEN, 0).fundPaysAtMostFen()).isEqualTo(Estimator.MAX_EXPENSE_FEN);
        }

        @Test
        void aMissingChoiceNamesItsField() {
            BenefitSchedule schedule = schedule("141121", 2024);

            assertThatThrownBy(() -> Estimator.estimate(schedule,
                    new EstimateRequest(100, null, FacilityLevel.PRIMARY, RemoteCare.NONE), 0))
                    .isInstanceOfSatisfying(InvalidEstimateRequest.class, e -> assertThat(e.field()).isEqualTo("setting"));
            assertThatThrownBy(() -> Estimator.estimate(schedule,
                    new EstimateRequest(100, CareSetting.INPATIENT, null, RemoteCare.NONE), 0))
                    .isInstanceOfSatisfying(InvalidEstimateRequest.class,
                            e -> assertThat(e.field()).isEqualTo("facilityLevel"));
            assertThatThrownBy(() -> Estimator.estimate(schedule,
                    new EstimateRequest(100, CareSetting.INPATIENT, FacilityLevel.PRIMARY, null), 0))
                    .isInstanceOfSatisfying(InvalidEstimateRequest.class, e -> assertThat(e.field()).isEqualTo("remote"));
        }

        @Test
        void negativeUsageIsAProgrammingErrorNotAResidentsMistake() {
            assertThatThrownBy(() -> estimate("141121", 2024, CareSetting.OUTPATIENT, FacilityLevel.PRIMARY,
                    RemoteCare.NONE, 100, -1)).isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theSameInputsGiveTheSameEstimate() {
        assertThat(estimate("210100", 2024, CareSetting.TWO_DISEASE, FacilityLevel.PRIMARY, RemoteCare.FILED, 12_345, 678))
                .isEqualTo(estimate("210100", 2024, CareSetting.TWO_DISEASE, FacilityLevel.PRIMARY, RemoteCare.FILED,
                        12_345, 678));
    }
}
