package cn.yibao.portal.prescription.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The shares of one settlement (结算记录) that this module needs: who paid what of the bill, whether it was settled
 * under the two-disease scheme, and the prescription it paid for, if any.
 */
public record SettledBill(String settlementNo, UUID residentId, int benefitYear, LocalDate settledOn,
                          boolean twoDisease, String facilityName, String prescriptionNo, long totalFen, long fundFen,
                          long criticalIllnessFen, long assistanceFen, long selfFen) {
}
