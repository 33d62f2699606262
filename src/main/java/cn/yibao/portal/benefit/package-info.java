/**
 * Benefits (待遇): coverage, benefit rules, usage against caps and the reimbursement estimator. (Issue #7.)
 */
package cn.yibao.portal.benefit;
