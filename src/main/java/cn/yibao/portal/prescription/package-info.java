/**
 * Two-disease (hypertension/diabetes) qualification and e-prescriptions. (Issue #7.)
 */
package cn.yibao.portal.prescription;
