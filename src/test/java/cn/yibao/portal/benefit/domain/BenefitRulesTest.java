package cn.yibao.portal.benefit.domain;

import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import org.junit.jupiter.api.Test;

/** How a figure is found on the region path, on made-up documents. */
class BenefitRulesTest {

    @Test
    void aCountyThatLeavesAFigureToItsTownsWinsOverAFartherNationalFigure() {
        BenefitSchedule schedule = TestCatalogs.schedule(
                "OUTPATIENT_POOLING_CAP,2024,141121,ALL,-,LOCAL_CHOICE,二,限额由各乡镇确定。",
                "NATIONAL",
                "OUTPATIENT_POOLING_CAP,2024,000000,ALL,400,MINIMUM,二,");

        Figure cap = schedule.annualCap(CareSetting.OUTPATIENT);

        assertThat(cap.standing()).isEqualTo(Standing.LOCAL_CHOICE);
        assertThat(cap.value()).isNull();
        assertThat(cap.citation().document()).isEqualTo("测试〔2023〕1号");
    }

    @Test
    void aNearerFigureWinsOverAFartherLocalChoice() {
        BenefitSchedule schedule = TestCatalogs.schedule(
                "OUTPATIENT_POOLING_CAP,2024,141121,ALL,400,EXACT,二,",
                "NATIONAL",
                "OUTPATIENT_POOLING_CAP,2024,000000,ALL,-,LOCAL_CHOICE,二,");

        assertThat(schedule.annualCap(CareSetting.OUTPATIENT).value()).isEqualTo(40_000);
    }

    @Test
    void levelsWithTheirOwnFigureAreShownApartAndTheRestSayTheyShowTheOverallLevel() {
        BenefitSchedule schedule = TestCatalogs.schedule(
                "INPATIENT_FUND_RATIO,2024,141121,PRIMARY,90,EXACT,二,",
                "INPATIENT_FUND_RATIO,2024,141121,TERTIARY,60,EXACT,二,",
                "INPATIENT_FUND_RATIO,2024,141121,ALL,70,APPROXIMATE,二,");

        assertThat(schedule.rules()).filteredOn(rule -> rule.key().startsWith("INPATIENT_RATIO"))
                .extracting(BenefitRule::key, rule -> say(rule.value()))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INPATIENT_RATIO_PRIMARY", "90%"),
                        org.assertj.core.groups.Tuple.tuple("INPATIENT_RATIO_SECONDARY", "70%左右"),
                        org.assertj.core.groups.Tuple.tuple("INPATIENT_RATIO_TERTIARY", "60%"));
        assertThat(say(schedule.ratio(CareSetting.INPATIENT, FacilityLevel.SECONDARY).note()))
                .contains("文件未单列二级医疗机构的标准");
    }

    @Test
    void aRegionWithoutAnyBenefitDocumentGetsEveryCoreFigureAsUnpublishedAndNoExtras() {
        BenefitSchedule schedule = TestCatalogs.schedule();

        assertThat(schedule.rules()).filteredOn(rule -> rule.setting() != null)
                .allSatisfy(rule -> assertThat(rule.standing()).isEqualTo(Standing.UNPUBLISHED))
                .hasSize(9);
        assertThat(schedule.twoDiseaseCoverage()).isEmpty();
    }
}
