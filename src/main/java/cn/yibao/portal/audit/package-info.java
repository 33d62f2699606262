/**
 * Append-only audit trail: who did what, when, from where, with what outcome. Rows are only ever inserted.
 */
package cn.yibao.portal.audit;
