package cn.yibao.portal.prescription.domain;

import cn.yibao.portal.text.RealBundles;
import static cn.yibao.portal.prescription.domain.Rx.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 长处方: the doctor's mark, for a supply of up to 12 weeks (issue #7). */
class LongPrescriptionTest {

    @Test
    void twelveWeeksIsTheLongestLongPrescription() {
        assertThat(Prescription.LONG_PRESCRIPTION_MAX_DAYS).isEqualTo(84);
    }

    @ParameterizedTest(name = "marked {0}, {1} days → long: {2}, label: {3}")
    @CsvSource(nullValues = "-", textBlock = """
            true,  84, true,  长处方（12周）
            true,  56, true,  长处方（8周）
            true,  45, true,  长处方（45天）
            true,  85, false, -
            false, 84, false, -
            false, 28, false, -
            """)
    void aPrescriptionIsLongWhenMarkedSoAndWithinTwelveWeeks(boolean marked, int days, boolean isLong, String label) {
        Rx rx = Rx.issuedOn(TODAY).days(days);
        if (marked) {
            rx.longTerm();
        }
        Prescription prescription = rx.build();

        assertThat(prescription.longPrescription()).isEqualTo(isLong);
        assertThat(RealBundles.zh(PrescriptionLabels.longPrescription(prescription))).isEqualTo(label);
    }
}
