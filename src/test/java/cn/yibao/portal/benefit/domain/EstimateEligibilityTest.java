package cn.yibao.portal.benefit.domain;

import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.benefit.api.CareSetting;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EstimateEligibilityTest {

    private static final Coverage COVERED = new Coverage.Covered(2024, LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 12, 31), Coverage.Phase.IN_FORCE, Coverage.Source.UPSTREAM, LocalDate.of(2023, 12, 12),
            38000, "税务");
    private static final Coverage NOT_COVERED = new Coverage.NotCovered(2024, Coverage.Why.NOT_PAID, false,
            cn.yibao.portal.shared.Phrase.of("benefit.coverage.regionNotServed"));

    @Test
    void anInsuredPersonsEstimateCarriesNoWarning() {
        EstimateEligibility eligibility = EstimateEligibility.of(COVERED, CareSetting.INPATIENT, false);

        assertThat(eligibility.insuredOnRecord()).isTrue();
        assertThat(eligibility.qualifiedOnRecord()).isNull();
        assertThat(eligibility.warnings()).isEmpty();
    }

    @Test
    void withoutAContributionRecordTheEstimateSaysTheFundPaysNothingForTheUninsured() {
        EstimateEligibility eligibility = EstimateEligibility.of(NOT_COVERED, CareSetting.OUTPATIENT, false);

        assertThat(eligibility.insuredOnRecord()).isFalse();
        assertThat(say(eligibility.warnings())).singleElement().asString()
                .contains("未查询到2024年度的参保缴费记录", "基金不予支付", "假定您已参保缴费");
    }

    @Test
    void twoDiseaseMedicationWithoutAQualificationIsFlagged() {
        EstimateEligibility eligibility = EstimateEligibility.of(COVERED, CareSetting.TWO_DISEASE, false);

        assertThat(eligibility.qualifiedOnRecord()).isFalse();
        assertThat(say(eligibility.warnings())).singleElement().asString().contains("两病", "认定");
        assertThat(EstimateEligibility.of(COVERED, CareSetting.TWO_DISEASE, true).warnings()).isEmpty();
    }

    @Test
    void aLateStartIsSaid() {
        Coverage late = new Coverage.Covered(2024, LocalDate.of(2024, 4, 2), LocalDate.of(2024, 12, 31),
                Coverage.Phase.IN_FORCE, Coverage.Source.PORTAL, LocalDate.of(2024, 4, 1), 38000, "PORTAL");

        assertThat(say(EstimateEligibility.of(late, CareSetting.INPATIENT, false).warnings())).singleElement().asString()
                .contains("2024-04-02 起享受");
    }

    @Test
    void settlementsShowingCoverCountAsInsured() {
        assertThat(EstimateEligibility.of(new Coverage.ShownBySettlements(2024, LocalDate.of(2024, 2, 1)),
                CareSetting.INPATIENT, false).insuredOnRecord()).isTrue();
    }
}
