package cn.yibao.portal.prescription.domain;

import cn.yibao.portal.prescription.api.Disease;
import cn.yibao.portal.prescription.api.PrescriptionStatus;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A two-disease e-prescription as the core platform sent it. Everything but the status and the dispensing date is
 * fixed when it is issued.
 *
 * @param longTerm the prescribing doctor's 长处方 mark (a supply of up to 12 weeks for a stable chronic patient)
 */
public record Prescription(UUID id, String prescriptionNo, UUID residentId, Disease disease, String drugName,
                           String specification, String dosage, int quantity, String quantityUnit, int daysSupply,
                           boolean longTerm, String facilityName, String facilityRegion, LocalDate prescribedOn,
                           PrescriptionStatus status, LocalDate dispensedOn) {

    /** A long prescription (长处方) covers at most 12 weeks; the upstream table enforces the same bound. */
    public static final int LONG_PRESCRIPTION_MAX_DAYS = 12 * 7;

    /**
     * The last day the medicine lasts: counted from the day it was picked up, or — while it waits to be picked up —
     * from the day it was prescribed (the earliest it could be started).
     */
    public LocalDate supplyEndsOn() {
        LocalDate start = status == PrescriptionStatus.ISSUED || dispensedOn == null ? prescribedOn : dispensedOn;
        return start.plusDays(daysSupply - 1L);
    }

    /** Waiting at the pharmacy: the only state in which a pickup code means anything. */
    public boolean awaitingPickup() {
        return status == PrescriptionStatus.ISSUED;
    }

    /** Picked up (and perhaps settled): the patient has this supply in hand. */
    public boolean dispensed() {
        return status != PrescriptionStatus.ISSUED && dispensedOn != null;
    }

    /** Shown as 长处方 only when marked so and within the 12-week bound. */
    public boolean longPrescription() {
        return longTerm && daysSupply <= LONG_PRESCRIPTION_MAX_DAYS;
    }
}
