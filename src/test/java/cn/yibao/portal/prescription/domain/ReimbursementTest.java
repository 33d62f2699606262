package cn.yibao.portal.prescription.domain;

import static cn.yibao.portal.prescription.domain.Rx.PATIENT;
import static cn.yibao.portal.prescription.domain.Rx.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A prescription's reimbursement is the sum of the patient's own settlements that carry its number. */
class ReimbursementTest {

    private static SettledBill bill(UUID person, String prescriptionNo, long fund, long critical, long assistance,
                                    long self) {
        return new SettledBill("JS" + UUID.randomUUID(), person, 2023, TODAY, true, "文水县人民医院", prescriptionNo,
                fund + critical + assistance + self, fund, critical, assistance, self);
    }

    @Test
    void theLinkedSettlementsAreAddedUpShareByShare() {
        Prescription prescription = Rx.dispensedOn(TODAY).number("CF001").build();
        List<SettledBill> bills = List.of(
                bill(PATIENT, "CF001", 3360, 0, 0, 2240),
                bill(PATIENT, "CF001", 1000, 200, 300, 500),
                bill(PATIENT, "CF002", 9999, 0, 0, 1),
                bill(PATIENT, null, 5000, 0, 0, 0));

        Reimbursement sum = Reimbursement.of(prescription, bills);

        assertThat(sum).isEqualTo(new Reimbursement(2, 7600, 4360, 200, 300, 2740));
        assertThat(sum.settled()).isTrue();
        assertThat(Reimbursement.linked(prescription, bills)).hasSize(2);
    }

    @Test
    void someoneElsesBillWithTheSameNumberDoesNotCount() {
        Prescription prescription = Rx.dispensedOn(TODAY).number("CF001").build();

        Reimbursement sum = Reimbursement.of(prescription, List.of(bill(UUID.randomUUID(), "CF001", 3360, 0, 0, 2240)));

        assertThat(sum).isEqualTo(Reimbursement.NONE);
        assertThat(sum.settled()).isFalse();
    }
}
