package cn.yibao.portal.prescription.domain;

import cn.yibao.portal.prescription.api.Disease;
import cn.yibao.portal.prescription.api.PrescriptionStatus;
import cn.yibao.portal.shared.Phrase;

/**
 * The words for prescriptions where a page's own template does not name them (the JSON API, verification answers,
 * home notices): the bundles' {@code prescription.*} keys.
 */
public final class PrescriptionLabels {

    private PrescriptionLabels() {
    }

    public static Phrase status(PrescriptionStatus status) {
        return Phrase.of("prescription.status." + status.name());
    }

    public static Phrase disease(Disease disease) {
        return Phrase.of("prescription.disease." + disease.name());
    }

    /** Why a pickup code no longer lets anyone collect the medicine; null while it still waits at the pharmacy. */
    public static Phrase pickupClosedBecause(PrescriptionStatus status) {
        return status == PrescriptionStatus.ISSUED ? null : status(status);
    }

    /** "长处方（12周）", or "长处方（45天）" when the supply is not whole weeks; null for an ordinary prescription. */
    public static Phrase longPrescription(Prescription prescription) {
        if (!prescription.longPrescription()) {
            return null;
        }
        int days = prescription.daysSupply();
        return days % 7 == 0 ? Phrase.of("prescription.long.weeks", days / 7) : Phrase.of("prescription.long.days", days);
    }

    /** "氨氯地平片 5mg×28片 ×2盒"-style line: drug, specification and quantity (as the prescription names them). */
    public static String drugLine(Prescription prescription) {
        return prescription.drugName() + " " + prescription.specification() + " ×" + prescription.quantity()
                + prescription.quantityUnit();
    }
}
