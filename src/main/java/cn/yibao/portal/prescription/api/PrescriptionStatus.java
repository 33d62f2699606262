package cn.yibao.portal.prescription.api;

import java.util.Map;
import java.util.Set;

/** An e-prescription's life as a table of allowed changes: issued → dispensed → settled, never back. */
public enum PrescriptionStatus {
    /** 已开具: waiting to be picked up at a pharmacy. */
    ISSUED,
    /** 已取药 */
    DISPENSED,
    /** 已结算: the fund's share has been settled. */
    SETTLED;

    private static final Map<PrescriptionStatus, Set<PrescriptionStatus>> NEXT = Map.of(
            ISSUED, Set.of(DISPENSED, SETTLED),
            DISPENSED, Set.of(SETTLED),
            SETTLED, Set.of());

    public boolean canBecome(PrescriptionStatus next) {
        return NEXT.get(this).contains(next);
    }
}
