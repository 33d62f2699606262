package cn.yibao.portal.audit.domain;

import java.time.Duration;

/**
 * How long audit rows are kept before the purge may remove them: never less than 180 days (the database function
 * refuses less as well).
 */
public record AuditRetention(Duration period) {

    public static final Duration MINIMUM = Duration.ofDays(180);

    public AuditRetention {
        if (period == null || period.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException(
                    "portal.audit.retention must be at least 180 days (P180D), not " + period);
        }
    }

    /** Whole days, as the purge function takes them. */
    public int days() {
        return Math.toIntExact(period.toDays());
    }
}
