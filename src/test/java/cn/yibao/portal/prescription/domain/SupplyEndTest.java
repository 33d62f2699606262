package cn.yibao.portal.prescription.domain;

import static cn.yibao.portal.prescription.domain.Rx.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.prescription.api.PrescriptionStatus;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The supply lasts daysSupply days counting the first: from the pickup, or from the prescription while it waits. */
class SupplyEndTest {

    @ParameterizedTest(name = "{0} on {1}, picked up {2}, {3} days → lasts until {4}")
    @CsvSource(textBlock = """
            ISSUED,    2023-10-14,           , 28, 2023-11-10
            DISPENSED, 2023-10-01, 2023-10-03, 28, 2023-10-30
            SETTLED,   2023-09-20, 2023-09-20, 28, 2023-10-17
            DISPENSED, 2023-10-15, 2023-10-15,  1, 2023-10-15
            DISPENSED, 2023-07-01, 2023-07-02, 84, 2023-09-23
            """)
    void theSupplyEndsDaysSupplyMinusOneAfterItStarts(PrescriptionStatus status, LocalDate prescribed,
                                                        LocalDate dispensed, int days, LocalDate end) {
        Rx rx = Rx.issuedOn(prescribed).days(days);
        if (dispensed != null) {
            rx.pickedUp(dispensed);
        }
        if (status == PrescriptionStatus.SETTLED) {
            rx.settled();
        }

        assertThat(rx.build().supplyEndsOn()).isEqualTo(end);
    }

    @ParameterizedTest(name = "{0}: awaiting pickup = {1}, dispensed = {2}")
    @CsvSource(textBlock = """
            ISSUED,    true,  false
            DISPENSED, false, true
            SETTLED,   false, true
            """)
    void onlyAnIssuedPrescriptionWaitsAtThePharmacy(PrescriptionStatus status, boolean waiting, boolean dispensed) {
        Rx rx = Rx.issuedOn(TODAY);
        if (status != PrescriptionStatus.ISSUED) {
            rx.pickedUp(TODAY);
        }
        if (status == PrescriptionStatus.SETTLED) {
            rx.settled();
        }
        Prescription prescription = rx.build();

        assertThat(prescription.awaitingPickup()).isEqualTo(waiting);
        assertThat(prescription.dispensed()).isEqualTo(dispensed);
    }
}
