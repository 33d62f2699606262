package cn.yibao.portal.audit.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit row: what happened, who did it, to whom, from where, and how it ended. Never holds a full ID number;
 * {@code detail} is a short Chinese or technical note without personal data.
 */
public record AuditEntry(Instant occurredAt, ActorType actorType, String actorId, UUID residentId, String action,
                         Outcome outcome, String clientAddress, String userAgent, String detail) {

    public enum ActorType { RESIDENT, STAFF, SYSTEM, ANONYMOUS }

    public enum Outcome { SUCCESS, FAILURE }

    public AuditEntry {
        userAgent = truncate(userAgent, 512);
        detail = truncate(detail, 512);
        actorId = truncate(actorId, 128);
        clientAddress = truncate(clientAddress, 64);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
