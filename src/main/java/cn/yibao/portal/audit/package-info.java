/**
 * Append-only audit trail: who did what, when, from where (client address, request id), to which object, with what
 * outcome. Rows are only ever inserted, and each is chained to the one before by a SHA-256 hash computed in the
 * database (migration V6), so that a changed, removed or inserted row shows; {@link cn.yibao.portal.audit.AuditChain}
 * verifies the chain and purges rows past their retention.
 */
package cn.yibao.portal.audit;
