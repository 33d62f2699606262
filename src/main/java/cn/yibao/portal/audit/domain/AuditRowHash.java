package cn.yibao.portal.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;

/**
 * The canonical serialization and hash of an audit row, version 1, exactly as the database trigger computes it
 * ({@code audit_event_hash()} in migration V6, where the format is documented). Computed here again so that
 * verification does not trust the database's own function:
 * {@code sha256(prev_hash || utf8("audit_event/v1" + for each field: "\n" + ("-" | byteLength ":" value)))}.
 */
public final class AuditRowHash {

    public static final int LENGTH = 32;

    private AuditRowHash() {
    }

    /** Where the chain starts when nothing was ever purged. */
    public static byte[] genesis() {
        return new byte[LENGTH];
    }

    public static byte[] of(ChainedRow row) {
        Objects.requireNonNull(row.prevHash(), "prev_hash");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(row.prevHash());
            return sha256.digest(canonical(row).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static String canonical(ChainedRow row) {
        StringBuilder text = new StringBuilder("audit_event/v1");
        field(text, Long.toString(row.id()));
        field(text, micros(row.recordedAt()));
        field(text, micros(row.occurredAt()));
        field(text, row.actorType());
        field(text, row.actorId());
        field(text, row.residentId() == null ? null : row.residentId().toString());
        field(text, row.action());
        field(text, row.outcome());
        field(text, row.clientAddress());
        field(text, row.userAgent());
        field(text, row.detail());
        field(text, row.objectId());
        field(text, row.requestId());
        field(text, row.assistSessionId() == null ? null : row.assistSessionId().toString());
        return text.toString();
    }

    private static void field(StringBuilder text, String value) {
        text.append('\n');
        if (value == null) {
            text.append('-');
        } else {
            text.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
    }

    /** Microseconds since the epoch, PostgreSQL's timestamp precision. */
    private static String micros(Instant instant) {
        return instant == null ? null
                : Long.toString(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                        instant.getNano() / 1_000));
    }
}
