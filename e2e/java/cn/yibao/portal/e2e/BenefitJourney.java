package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

/**
 * 我的待遇 in the middle of benefit year 2024 (business date 2024-06-20, so the sandbox feed has delivered the Wang
 * family's 2024 contributions, collected by the tax bureau, and wenshui-general's settlements of the first half-year).
 * The portal runs on a database of its own, so that the 2024 records do not show in the journeys of 2023-10-15.
 */
@TestPropertySource(properties = {"portal.business-date=2024-06-20T10:00",
        "portal.embedded-db.ephemeral-name=benefit-journey-2024"})
class BenefitJourney extends PortalJourneyBase {

    @Test
    void wenshuiGeneralSeesHis2024CoverOutpatientPoolingUsedAgainstThe300YuanCapTheChartAndAnEstimate() {
        LandingPage.open(driver, portalUrl("/")).signInWithEvoucher().signInAs("wenshui-general");
        BenefitsPage benefits = BenefitsPage.openFromHome(driver);

        assertThat(benefits.selectedYear()).isEqualTo("2024年度");
        assertThat(benefits.coverageState()).isEqualTo("已参保缴费，正在享受待遇");
        assertThat(benefits.coveragePeriod()).isEqualTo("2024-01-01 至 2024-12-31");
        assertThat(benefits.capUsed("OUTPATIENT")).isEqualTo("基金已支付 120 元 / 年度限额 300 元，还可支付 180 元");
        assertThat(benefits.capBarShare("OUTPATIENT")).isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.01));
        assertThat(benefits.chartDrawn()).isTrue();
        assertThat(benefits.chartMonthsWithSpending()).isGreaterThanOrEqualTo(3);
        assertThat(benefits.settlementCount()).isGreaterThanOrEqualTo(4);
        assertThat(benefits.rule("OUTPATIENT_ANNUAL_CAP")).contains("300元", "文医保发〔2023〕10号");
        screenshot("benefits-2024");

        benefits = benefits.estimate("500", "普通门诊", "基层医疗机构", "参保地就医");
        assertThat(benefits.estimateHeadline()).isEqualTo("基金最多支付 180 元");
        assertThat(benefits.estimateSteps()).contains("300", "120", "180");
        driver.findElement(By.id("estimate-result")).getText();
        screenshot("estimate");

        benefits = benefits.estimate("8000", "住院", "二级医疗机构", "参保地就医");
        // 70%左右 is an overall level, not a per-bill ceiling: an "about" figure, never "最多".
        assertThat(benefits.estimateHeadline()).isEqualTo("基金约支付 5600 元");
        assertThat(benefits.estimateSteps()).contains("70%", "未公布");
        screenshot("estimate-inpatient");

        // Issue #16, item 8: out of area without a filing the ratio may be up to 20 points lower: a range.
        benefits = benefits.estimate("8000", "住院", "二级医疗机构", "异地就医（未备案或临时外出）");
        assertThat(benefits.estimateHeadline()).isEqualTo("基金约支付 4000 至 5600 元");
        assertThat(benefits.estimateSteps()).contains("70% − 20个百分点 = 50%", "约4000元");
        screenshot("estimate-inpatient-remote");
    }
}
