package cn.yibao.portal.audit.domain;

import java.time.Instant;
import java.util.UUID;

/** An audit row as stored, with its place in the hash chain: every field that {@link AuditRowHash} covers. */
public record ChainedRow(long id, Instant recordedAt, Instant occurredAt, String actorType, String actorId,
                         UUID residentId, String action, String outcome, String clientAddress, String userAgent,
                         String detail, String objectId, String requestId, UUID assistSessionId, byte[] prevHash,
                         byte[] rowHash) {
}
