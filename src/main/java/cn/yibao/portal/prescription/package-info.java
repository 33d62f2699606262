/**
 * Two-disease (hypertension/diabetes) qualification and e-prescriptions (issue #7): reads what the upstream module
 * imported (qualifications, prescriptions, the settlements that paid for them) for the resident and their bound
 * minors; supply end, refill reminders on the home page, reimbursement per prescription and this year's spending;
 * the PRESCRIPTION pickup code (staff verify it). The annual cap is the benefit module's: it answers through
 * {@link cn.yibao.portal.prescription.TwoDiseaseAllowance} when it has a bean.
 */
package cn.yibao.portal.prescription;
