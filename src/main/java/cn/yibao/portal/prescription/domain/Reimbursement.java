package cn.yibao.portal.prescription.domain;

import java.util.List;
import java.util.Objects;

/**
 * What the settlements of one prescription add up to: the basic fund's share, critical-illness insurance, medical
 * assistance and what the patient paid themselves.
 */
public record Reimbursement(int settlements, long totalFen, long fundFen, long criticalIllnessFen, long assistanceFen,
                            long selfFen) {

    public static final Reimbursement NONE = new Reimbursement(0, 0, 0, 0, 0, 0);

    /**
     * The bills that paid for the prescription, linked by its number. Only the patient's own bills count: a number
     * that also appears on someone else's bill (a bad upstream record) must not show their money here.
     */
    public static List<SettledBill> linked(Prescription prescription, List<SettledBill> bills) {
        return bills.stream()
                .filter(bill -> Objects.equals(bill.prescriptionNo(), prescription.prescriptionNo())
                        && bill.residentId().equals(prescription.residentId()))
                .toList();
    }

    public static Reimbursement of(Prescription prescription, List<SettledBill> bills) {
        Reimbursement sum = NONE;
        for (SettledBill bill : linked(prescription, bills)) {
            sum = sum.plus(bill);
        }
        return sum;
    }

    private Reimbursement plus(SettledBill bill) {
        return new Reimbursement(settlements + 1, totalFen + bill.totalFen(), fundFen + bill.fundFen(),
                criticalIllnessFen + bill.criticalIllnessFen(), assistanceFen + bill.assistanceFen(),
                selfFen + bill.selfFen());
    }

    /** Whether any bill has been settled for it yet. */
    public boolean settled() {
        return settlements > 0;
    }
}
