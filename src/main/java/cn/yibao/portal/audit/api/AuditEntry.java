package cn.yibao.portal.audit.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit row: what happened, who did it, to whom and to which object, from where and in which request, and how
 * it ended. Never holds a full ID number: {@code detail} is a short Chinese or technical note without personal data,
 * and anything that still looks like an ID number in a text field is masked here (see {@link IdNumberGuard}).
 *
 * @param objectId        the order, filing, binding… acted on, when there is one
 * @param requestId       the {@code X-Request-Id} of the HTTP request, to find its other rows and log lines
 * @param assistSessionId the help-desk assisted session (代办) the action was taken in, if any
 */
public record AuditEntry(Instant occurredAt, ActorType actorType, String actorId, UUID residentId, String action,
                         Outcome outcome, String clientAddress, String userAgent, String detail, String objectId,
                         String requestId, UUID assistSessionId) {

    public enum ActorType { RESIDENT, STAFF, SYSTEM, ANONYMOUS }

    public enum Outcome { SUCCESS, FAILURE }

    public AuditEntry {
        actorId = guarded(actorId, 128);
        clientAddress = truncate(clientAddress, 64);
        userAgent = guarded(userAgent, 512);
        detail = guarded(detail, 512);
        objectId = guarded(objectId, 128);
        requestId = guarded(requestId, 64);
    }

    /** An entry outside any HTTP request (scheduled jobs): no object, request or assisted session. */
    public AuditEntry(Instant occurredAt, ActorType actorType, String actorId, UUID residentId, String action,
                      Outcome outcome, String clientAddress, String userAgent, String detail) {
        this(occurredAt, actorType, actorId, residentId, action, outcome, clientAddress, userAgent, detail, null, null,
                null);
    }

    /** Masked before truncating, so that a cut cannot leave an unmasked remainder. */
    private static String guarded(String text, int max) {
        return truncate(IdNumberGuard.masked(text), max);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
