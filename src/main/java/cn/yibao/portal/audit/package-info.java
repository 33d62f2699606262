/**
 * Append-only audit trail: who did what, when, from where (client address, request id), to which object, with what
 * outcome. Rows are only ever inserted, and each is chained to the one before by a SHA-256 hash computed in the
 * database under one advisory lock, so that a changed, removed or inserted row shows (docs/adr/0003).
 *
 * <p>Owns {@code audit_event} and {@code audit_chain_anchor} ({@code V1}, {@code V6}), the functions
 * {@code audit_purge} and {@code audit_chain_first_break}; the application role may only read and insert
 * (docs/adr/0004). Rules ({@code domain}): the canonical row text and hash ({@code AuditRowHash}), chain verification
 * ({@code ChainVerifier}), retention limits, and the guard that masks anything shaped like an ID number.
 *
 * <p>API for other modules: {@code AuditTrail} (record an entry), {@code RequestOrigin} (the request's address and
 * id) and the entry values ({@code AuditEntry}, {@code AuditAction}). {@code AuditChain} verifies the chain and
 * purges rows past their retention; {@code web} serves {@code GET /api/v1/staff/audit/chain} to auditors.
 */
package cn.yibao.portal.audit;
