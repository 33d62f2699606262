/**
 * Two-disease (hypertension/diabetes) qualification and e-prescriptions: reads what the upstream module imported
 * (qualifications, prescriptions, the settlements that paid for them) for the resident and their bound minors;
 * supply end, refill reminders on the home page, reimbursement per prescription and this year's spending; the
 * PRESCRIPTION pickup code (staff verify it).
 *
 * <p>Owns no table: it reads {@code prescription} and the {@code two_disease_qualification} and {@code settlement}
 * views, which the upstream module writes. Rules ({@code domain}): {@code RefillReminders}, {@code Reimbursement},
 * {@code TwoDiseaseSpending}, {@code PrescriptionStatus} (issued → dispensed → settled). {@code web} has
 * {@code /prescriptions} and {@code /api/v1/prescriptions}.
 *
 * <p>API for other modules: {@code TwoDiseaseAllowance} (the annual cap, answered by the benefit module when it has
 * a bean) and the values upstream imports name ({@code Disease}, {@code PrescriptionStatus}).
 */
package cn.yibao.portal.prescription;
