package cn.yibao.portal.assist.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An assisted session as stored. */
public record AssistSession(UUID id, String staffId, String staffNameMasked, String servicePoint, String staffRegion,
                            UUID residentId, String consent, AssistStatus status, Instant createdAt,
                            Instant requestExpiresAt, Instant startedAt, Instant expiresAt, Instant endedAt,
                            String endedBy, int version) {

    /** Whole minutes left, rounded up, for the banner; 0 once over. */
    public long minutesLeft(Instant now) {
        if (expiresAt == null || !now.isBefore(expiresAt)) {
            return 0;
        }
        return (Duration.between(now, expiresAt).toSeconds() + 59) / 60;
    }
}
