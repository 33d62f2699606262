package cn.yibao.portal.upstream.domain;

import static cn.yibao.portal.upstream.domain.TestLines.read;
import static cn.yibao.portal.upstream.domain.TestLines.valid;
import static cn.yibao.portal.upstream.domain.TestLines.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.prescription.api.PrescriptionStatus;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each line on its own: required fields, types, the ID check digit, dates, money, enums, cross-field rules. */
class LineRulesTest {

    @ParameterizedTest
    @EnumSource(ImportKind.class)
    void aValidLineOfEveryKindBecomesATypedRecordWithoutAProblem(ImportKind kind) {
        BatchRules.Reading reading = read(kind, valid(kind));

        assertThat(reading.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(reading.lines()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(1);
            assertThat(line.certno().value()).isEqualTo(TestLines.LIU);
            assertThat(line.name()).isEqualTo("刘桂芳");
            assertThat(line.record().residentId()).as("found later, with the person").isNull();
        });
    }

    @Test
    void aSettlementKeepsEveryAmountAndItsYearIsTheYearItWasSettled() {
        SettlementRecord settlement = (SettlementRecord) read(ImportKind.SETTLEMENTS, valid(ImportKind.SETTLEMENTS))
                .lines().get(0).record();

        assertThat(settlement.benefitYear()).isEqualTo(2023);
        assertThat(settlement.setting()).isEqualTo(CareSetting.TWO_DISEASE);
        assertThat(settlement.totalFen()).isEqualTo(1890);
        assertThat(settlement.fundFen() + settlement.selfFen()).isEqualTo(1890);
        assertThat(settlement.prescriptionNo()).isEqualTo("CF001");
    }

    static Stream<Arguments> brokenLines() {
        return Stream.of(
                broken(ImportKind.SETTLEMENTS, "settlementNo", "缺少必填字段", "settlementNo", null),
                broken(ImportKind.SETTLEMENTS, "settlementNo", "缺少必填字段", "settlementNo", "  "),
                broken(ImportKind.SETTLEMENTS, "settlementNo", "只能由字母、数字", "settlementNo", "JS 001"),
                broken(ImportKind.SETTLEMENTS, "certno", "校验位不正确", "certno", "141121196004152122"),
                broken(ImportKind.SETTLEMENTS, "certno", "应为18位", "certno", "14112119600415212"),
                broken(ImportKind.SETTLEMENTS, "certno", "出生日期无效", "certno", "141121196013152121"),
                broken(ImportKind.SETTLEMENTS, "name", "缺少必填字段", "name", null),
                broken(ImportKind.SETTLEMENTS, "name", "不能超过 64 个字符", "name", "刘".repeat(65)),
                broken(ImportKind.SETTLEMENTS, "settledOn", "YYYY-MM-DD", "settledOn", "2023/09/04"),
                broken(ImportKind.SETTLEMENTS, "settledOn", "YYYY-MM-DD", "settledOn", "2023-02-30"),
                broken(ImportKind.SETTLEMENTS, "settledOn", "晚于业务日期 2023-10-15", "settledOn", "2023-10-16"),
                broken(ImportKind.SETTLEMENTS, "setting", "INPATIENT、OUTPATIENT、TWO_DISEASE", "setting", "inpatient"),
                broken(ImportKind.SETTLEMENTS, "facilityLevel", "PRIMARY、SECONDARY、TERTIARY", "facilityLevel", "一级"),
                broken(ImportKind.SETTLEMENTS, "remote", "NONE、FILED、UNFILED_TEMPORARY", "remote", "FILED_LATE"),
                broken(ImportKind.SETTLEMENTS, "facilityRegion", "未知的行政区划代码", "facilityRegion", "999999"),
                broken(ImportKind.SETTLEMENTS, "facilityRegion", "未知的行政区划代码", "facilityRegion", "1411"),
                broken(ImportKind.SETTLEMENTS, "facilityName", "不能超过 128 个字符", "facilityName", "院".repeat(129)),
                broken(ImportKind.SETTLEMENTS, "facilityName", "控制字符", "facilityName", "文水\n医院"),
                broken(ImportKind.SETTLEMENTS, "fundFen", "非负整数", "fundFen", "-945"),
                broken(ImportKind.SETTLEMENTS, "fundFen", "非负整数", "fundFen", "9.45"),
                broken(ImportKind.SETTLEMENTS, "selfFen", "非负整数", "selfFen", "945元"),
                broken(ImportKind.SETTLEMENTS, "totalFen", "之和（1891 分）应等于总费用（1890 分）", "selfFen", "946"),
                broken(ImportKind.SETTLEMENTS, "inScopeFen", "不能超过总费用", "inScopeFen", "1891"),
                broken(ImportKind.SETTLEMENTS, "prescriptionNo", "只有两病门诊用药结算", "setting", "OUTPATIENT"),
                broken(ImportKind.QUALIFICATIONS, "disease", "HYPERTENSION、DIABETES", "disease", "高血压"),
                broken(ImportKind.QUALIFICATIONS, "qualifiedOn", "晚于业务日期", "qualifiedOn", "2024-01-01"),
                broken(ImportKind.PRESCRIPTIONS, "daysSupply", "1 到 84 之间的整数", "daysSupply", "85"),
                broken(ImportKind.PRESCRIPTIONS, "daysSupply", "1 到 84 之间的整数", "daysSupply", "0"),
                broken(ImportKind.PRESCRIPTIONS, "quantity", "之间的整数", "quantity", "1.5"),
                broken(ImportKind.PRESCRIPTIONS, "quantityUnit", "不能超过 8 个字符", "quantityUnit", "盒盒盒盒盒盒盒盒盒"),
                broken(ImportKind.PRESCRIPTIONS, "specification", "不能超过 64 个字符", "specification", "x".repeat(65)),
                broken(ImportKind.PRESCRIPTIONS, "longTerm", "true 或 false", "longTerm", "是"),
                broken(ImportKind.PRESCRIPTIONS, "status", "ISSUED、DISPENSED、SETTLED", "status", "CANCELLED"),
                broken(ImportKind.PRESCRIPTIONS, "dispensedOn", "缺少必填字段", "dispensedOn", null),
                broken(ImportKind.PRESCRIPTIONS, "dispensedOn", "不应有取药日期", "status", "ISSUED"),
                broken(ImportKind.PRESCRIPTIONS, "dispensedOn", "不能早于开方日期", "dispensedOn", "2023-09-19"),
                broken(ImportKind.PRESCRIPTIONS, "dispensedOn", "晚于业务日期", "dispensedOn", "2023-10-16"),
                broken(ImportKind.ASSISTANCE, "status", "MINIMUM_LIVING", "status", "DIBAO"),
                broken(ImportKind.ASSISTANCE, "department", "缺少必填字段", "department", null),
                broken(ImportKind.CONTRIBUTIONS, "benefitYear", "2000 到 2100 之间的整数", "benefitYear", "24"),
                broken(ImportKind.CONTRIBUTIONS, "amountFen", "非负整数", "amountFen", "76.00"),
                broken(ImportKind.CONTRIBUTIONS, "paidOn", "晚于业务日期", "paidOn", "2023-12-20"),
                broken(ImportKind.CONTRIBUTIONS, "benefitEnd", "不能早于开始日期", "benefitStart", "2024-06-01",
                        "benefitEnd", "2024-03-31"),
                broken(ImportKind.CONTRIBUTIONS, "benefitStart", "应在 2024 待遇年度内", "benefitStart", "2023-12-01"),
                broken(ImportKind.CONTRIBUTIONS, "benefitEnd", "应在 2024 待遇年度内", "benefitEnd", "2025-01-31"),
                // The catalog's first benefit year is 2023 (医保发〔2022〕20号); the business date is in 2023.
                broken(ImportKind.SETTLEMENTS, "settledOn", "结算日期 2022-12-31 早于政策目录收录的最早待遇年度（2023 年度）",
                        "settledOn", "2022-12-31"),
                broken(ImportKind.SETTLEMENTS, "settledOn", "早于政策目录收录的最早待遇年度", "settledOn", "1998-03-01"),
                broken(ImportKind.SETTLEMENTS, "reversesSettlementNo", "不能冲正它自己", "reversesSettlementNo", "JS001"),
                broken(ImportKind.SETTLEMENTS, "reversesSettlementNo", "只能由字母、数字", "reversesSettlementNo",
                        "JS 000"),
                broken(ImportKind.CONTRIBUTIONS, "benefitYear", "待遇年度 2025 晚于下一年度（2024 年度）", "benefitYear", "2025",
                        "benefitStart", "2025-01-01", "benefitEnd", "2025-12-31"),
                broken(ImportKind.CONTRIBUTIONS, "benefitYear", "待遇年度 2022 早于政策目录收录的最早待遇年度（2023 年度）",
                        "benefitYear", "2022", "benefitStart", "2022-01-01", "benefitEnd", "2022-12-31"),
                broken(ImportKind.CONTRIBUTIONS, "withdrawnOn", "作废（退费）日期（2023-09-30）不能早于缴费日期（2023-10-01）",
                        "withdrawnOn", "2023-09-30"),
                broken(ImportKind.CONTRIBUTIONS, "withdrawnOn", "晚于业务日期", "withdrawnOn", "2023-10-16"),
                broken(ImportKind.CONTRIBUTIONS, "withdrawnOn", "YYYY-MM-DD", "withdrawnOn", "作废"),
                broken(ImportKind.QUALIFICATIONS, "revokedOn", "撤销日期（2023-09-03）不能早于认定日期（2023-09-04）",
                        "revokedOn", "2023-09-03"),
                broken(ImportKind.QUALIFICATIONS, "revokedOn", "晚于业务日期", "revokedOn", "2023-10-16"));
    }

    private static Arguments broken(ImportKind kind, String field, String reason, String... change) {
        return Arguments.of(kind, field, reason, change);
    }

    @ParameterizedTest(name = "{0} {3} -> {1}: {2}")
    @MethodSource("brokenLines")
    void aLineBreakingOneRuleIsReportedWithItsFieldAndAChineseReason(ImportKind kind, String field, String reason,
                                                                     String[] change) {
        BatchRules.Reading reading = read(kind, valid(kind), with(kind, change));

        assertThat(reading.lines()).as("the good line still reads").hasSize(1);
        assertThat(reading.problems().stream().map(SaidProblem::of).toList()).as(Arrays.toString(change)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.reason()).contains(reason);
        });
    }

    @Test
    void everyBrokenFieldOfALineIsReportedNotOnlyTheFirst() {
        BatchRules.Reading reading = read(ImportKind.CONTRIBUTIONS, with(ImportKind.CONTRIBUTIONS,
                "certno", "141121196004152122", "paidOn", "yesterday", "amountFen", "-1", "collector", null));

        assertThat(reading.problems().stream().map(SaidProblem::of).toList()).extracting(SaidProblem::field)
                .containsExactlyInAnyOrder("certno", "paidOn", "amountFen", "collector");
    }

    @Test
    void anIssuedPrescriptionHasNoDispensingDateAndALaterOneMayBeDispensedTheSameDay() {
        PrescriptionRecord issued = (PrescriptionRecord) read(ImportKind.PRESCRIPTIONS,
                with(ImportKind.PRESCRIPTIONS, "status", "ISSUED", "dispensedOn", null)).lines().get(0).record();
        PrescriptionRecord settled = (PrescriptionRecord) read(ImportKind.PRESCRIPTIONS,
                with(ImportKind.PRESCRIPTIONS, "status", "SETTLED")).lines().get(0).record();

        assertThat(issued.status()).isEqualTo(PrescriptionStatus.ISSUED);
        assertThat(issued.dispensedOn()).isNull();
        assertThat(settled.dispensedOn()).isEqualTo(LocalDate.of(2023, 9, 20));
    }

    @Test
    void aLongPrescriptionOfTwelveWeeksIsAllowed() {
        assertThat(read(ImportKind.PRESCRIPTIONS, with(ImportKind.PRESCRIPTIONS, "daysSupply", "84", "longTerm", "true"))
                .problems().stream().map(SaidProblem::of).toList()).isEmpty();
    }

    @Test
    void theLongestSupplyIsTheSettingNotAFixedTwelveWeeks() {
        ImportPolicy ninetyDays = TestLines.policy(TestLines.TODAY, 90);
        ImportPolicy fourWeeks = TestLines.policy(TestLines.TODAY, 28);

        assertThat(read(ninetyDays, ImportKind.PRESCRIPTIONS, with(ImportKind.PRESCRIPTIONS, "daysSupply", "90"))
                .problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(read(fourWeeks, ImportKind.PRESCRIPTIONS, with(ImportKind.PRESCRIPTIONS, "daysSupply", "29"))
                .problems().stream().map(SaidProblem::of).toList()).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("daysSupply");
                    assertThat(problem.reason()).isEqualTo("应为 1 到 28 之间的整数。");
                });
    }

    @Test
    void theFirstYearAndNextYearAreTheBoundsOfAContributionsBenefitYear() {
        assertThat(read(ImportKind.CONTRIBUTIONS, with(ImportKind.CONTRIBUTIONS, "benefitYear", "2023",
                "benefitStart", "2023-01-01", "benefitEnd", "2023-12-31")).problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(read(ImportKind.CONTRIBUTIONS, valid(ImportKind.CONTRIBUTIONS)).problems().stream().map(SaidProblem::of).toList()).as("next year").isEmpty();
        assertThat(read(ImportKind.SETTLEMENTS, with(ImportKind.SETTLEMENTS, "settledOn", "2023-01-01")).problems().stream().map(SaidProblem::of).toList())
                .isEmpty();
    }

    @Test
    void aCorrectionLineIsNotAskedThePolicyRulesOfNewRecordsSoOldRecordsCanStillBeTakenBack() {
        BatchRules.Reading withdrawal = read(ImportKind.CONTRIBUTIONS, with(ImportKind.CONTRIBUTIONS, "benefitYear",
                "2022", "paidOn", "2021-12-01", "benefitStart", "2022-01-01", "benefitEnd", "2022-12-31",
                "withdrawnOn", "2023-10-10"));
        BatchRules.Reading reversal = read(ImportKind.SETTLEMENTS, with(ImportKind.SETTLEMENTS, "settlementNo", "JS002",
                "settledOn", "2022-12-30", "reversesSettlementNo", "JS001"));

        assertThat(withdrawal.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(((ContributionRecord) withdrawal.lines().get(0).record()).withdrawnOn())
                .isEqualTo(LocalDate.of(2023, 10, 10));
        assertThat(reversal.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(((SettlementRecord) reversal.lines().get(0).record()).reversesSettlementNo()).isEqualTo("JS001");
    }

    @Test
    void aSettlementWithoutAPrescriptionIsFineAndFutureBenefitPeriodsAreFine() {
        assertThat(read(ImportKind.SETTLEMENTS, with(ImportKind.SETTLEMENTS, "prescriptionNo", null, "setting",
                "INPATIENT")).problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(read(ImportKind.CONTRIBUTIONS, valid(ImportKind.CONTRIBUTIONS)).lines().get(0).record())
                .isInstanceOfSatisfying(ContributionRecord.class,
                        c -> assertThat(c.benefitEnd()).isAfter(TestLines.TODAY));
    }

    static Stream<Arguments> sameKeyTwice() {
        return Stream.of(
                Arguments.of(ImportKind.SETTLEMENTS, new String[] {"fundFen", "944", "selfFen", "946"},
                        "settlementNo", "结算单号相同"),
                Arguments.of(ImportKind.PRESCRIPTIONS, new String[] {"daysSupply", "14"}, "prescriptionNo", "处方编号相同"),
                Arguments.of(ImportKind.QUALIFICATIONS, new String[] {"qualifiedOn", "2023-09-05"}, "qualificationNo",
                        "认定编号相同"),
                Arguments.of(ImportKind.QUALIFICATIONS, new String[] {"qualificationNo", "LB002"}, "disease",
                        "同一参保人同一病种"),
                Arguments.of(ImportKind.CONTRIBUTIONS, new String[] {"recordNo", "SW002"}, "benefitYear",
                        "同一参保人同一待遇年度"),
                Arguments.of(ImportKind.CONTRIBUTIONS, new String[] {"benefitYear", "2023", "benefitStart", "2023-01-01",
                        "benefitEnd", "2023-12-31"}, "recordNo", "缴费记录编号相同"),
                Arguments.of(ImportKind.ASSISTANCE, new String[] {"status", "NONE"}, "listedOn", "同一参保人同一名单日期"));
    }

    @Test
    void twoReversalsOfOneSettlementInOneFileAreReportedOnTheSecond() {
        BatchRules.Reading reading = read(ImportKind.SETTLEMENTS,
                with(ImportKind.SETTLEMENTS, "settlementNo", "JS002", "reversesSettlementNo", "JS001"),
                with(ImportKind.SETTLEMENTS, "settlementNo", "JS003", "reversesSettlementNo", "JS001"));

        assertThat(reading.problems().stream().map(SaidProblem::of).toList()).containsExactly(new SaidProblem(2, "reversesSettlementNo",
                "与第 1 行重复（冲正同一笔原结算），同一文件中只能出现一次。"));
    }

    @Test
    void aWithdrawalAndTheRecordReplacingItMayShareAPersonAndYearInOneFile() {
        BatchRules.Reading reading = read(ImportKind.CONTRIBUTIONS,
                with(ImportKind.CONTRIBUTIONS, "withdrawnOn", "2023-10-10"),
                with(ImportKind.CONTRIBUTIONS, "recordNo", "SW002", "amountFen", "3800"));
        BatchRules.Reading revocation = read(ImportKind.QUALIFICATIONS,
                with(ImportKind.QUALIFICATIONS, "revokedOn", "2023-10-10"),
                with(ImportKind.QUALIFICATIONS, "qualificationNo", "LB002", "qualifiedOn", "2023-10-09"));

        assertThat(reading.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(reading.lines()).hasSize(2);
        assertThat(revocation.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(revocation.lines()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("sameKeyTwice")
    void aKeyThatAppearsTwiceInOneFileIsReportedOnTheSecondLineNamingTheFirst(ImportKind kind, String[] change,
                                                                              String field, String meaning) {
        BatchRules.Reading reading = read(kind, valid(kind), valid(kind), with(kind, change));

        assertThat(reading.problems().stream().map(SaidProblem::of).toList()).extracting(SaidProblem::line, SaidProblem::field, SaidProblem::reason)
                .contains(org.assertj.core.groups.Tuple.tuple(3, field,
                        "与第 1 行重复（" + meaning + "），同一文件中只能出现一次。"));
        assertThat(reading.lines()).extracting(ImportLine::line).containsExactly(1);
    }
}
