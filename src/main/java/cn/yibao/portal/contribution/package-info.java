/**
 * Contribution due (缴费): what each resident and bound family member owes for a benefit year after any
 * subsidy, and why; the public fee calculator. (Issue #3.)
 */
package cn.yibao.portal.contribution;
