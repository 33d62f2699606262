package cn.yibao.portal.prescription.domain;

/**
 * The Chinese words for prescriptions where no message bundle reaches (the JSON API, verification answers, home
 * notices); pages use the bundles' {@code prescription.*} keys with the same wording.
 */
public final class PrescriptionLabels {

    public static final String LONG_PRESCRIPTION = "长处方";

    private PrescriptionLabels() {
    }

    public static String status(PrescriptionStatus status) {
        return switch (status) {
            case ISSUED -> "待取药";
            case DISPENSED -> "已取药";
            case SETTLED -> "已结算";
        };
    }

    public static String disease(Disease disease) {
        return switch (disease) {
            case HYPERTENSION -> "高血压";
            case DIABETES -> "糖尿病";
        };
    }

    /** Why a pickup code no longer lets anyone collect the medicine; null while it still waits at the pharmacy. */
    public static String pickupClosedBecause(PrescriptionStatus status) {
        return switch (status) {
            case ISSUED -> null;
            case DISPENSED -> "已取药";
            case SETTLED -> "已结算";
        };
    }

    /** "长处方（12周）", or "长处方（45天）" when the supply is not whole weeks; null for an ordinary prescription. */
    public static String longPrescription(Prescription prescription) {
        if (!prescription.longPrescription()) {
            return null;
        }
        int days = prescription.daysSupply();
        return LONG_PRESCRIPTION + (days % 7 == 0 ? "（" + days / 7 + "周）" : "（" + days + "天）");
    }

    /** "氨氯地平片 5mg×28片 ×2盒"-style line: drug, specification and quantity. */
    public static String drugLine(Prescription prescription) {
        return prescription.drugName() + " " + prescription.specification() + " ×" + prescription.quantity()
                + prescription.quantityUnit();
    }
}
