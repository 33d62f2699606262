package cn.yibao.portal.prescription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.prescription.api.Disease;
import cn.yibao.portal.prescription.api.PrescriptionStatus;
import cn.yibao.portal.text.RealBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelsTest {

    @ParameterizedTest(name = "{0} reads {1}; its pickup code is closed because: {2}")
    @CsvSource(nullValues = "-", textBlock = """
            ISSUED,    待取药, -
            DISPENSED, 已取药, 已取药
            SETTLED,   已结算, 已结算
            """)
    void eachStatusHasAWordAndOnlyAnIssuedPrescriptionKeepsItsPickupCodeOpen(PrescriptionStatus status, String label,
                                                                            String closedBecause) {
        assertThat(RealBundles.zh(PrescriptionLabels.status(status))).isEqualTo(label);
        assertThat(RealBundles.zh(PrescriptionLabels.pickupClosedBecause(status))).isEqualTo(closedBecause);
    }

    @Test
    void theDiseasesAreNamedInChinese() {
        assertThat(RealBundles.zh(PrescriptionLabels.disease(Disease.HYPERTENSION))).isEqualTo("高血压");
        assertThat(RealBundles.zh(PrescriptionLabels.disease(Disease.DIABETES))).isEqualTo("糖尿病");
        assertThat(RealBundles.en(PrescriptionLabels.disease(Disease.DIABETES))).doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void theDrugLineNamesDrugSpecificationAndQuantity() {
        assertThat(PrescriptionLabels.drugLine(Rx.issuedOn(Rx.TODAY).drug("二甲双胍片").build()))
                .isEqualTo("二甲双胍片 5mg×28片 ×1盒");
    }
}
