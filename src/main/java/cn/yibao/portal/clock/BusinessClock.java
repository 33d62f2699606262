package cn.yibao.portal.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The portal's one notion of "now". In production it is real time. In the sandbox it starts at a configured
 * instant (the policy documents cover benefit years 2023–2024) and runs forward from there, so that the demo
 * residents are inside a collection window; pages then show the business date so nobody mistakes it for today.
 */
public final class BusinessClock {

    private final Clock clock;
    private final boolean simulated;

    private BusinessClock(Clock clock, boolean simulated) {
        this.clock = clock;
        this.simulated = simulated;
    }

    public static BusinessClock realTime(ZoneId zone) {
        return new BusinessClock(Clock.system(zone), false);
    }

    /**
     * A clock that reads {@code start} at the moment it is created and then advances with {@code realTime}.
     *
     * @param start an ISO date-time ({@code 2023-10-15T10:00}) or date ({@code 2023-10-15}, midnight)
     */
    public static BusinessClock startingAt(String start, Clock realTime) {
        return startingAt(start, realTime.instant(), realTime);
    }

    /**
     * A clock that read {@code start} at the real moment {@code since} and advances with {@code realTime}: several
     * nodes given the same {@code since} tell the same time, whenever each of them started.
     */
    public static BusinessClock startingAt(String start, Instant since, Clock realTime) {
        ZonedDateTime startTime = parse(start).atZone(realTime.getZone());
        Duration offset = Duration.between(since, startTime.toInstant());
        return new BusinessClock(Clock.offset(realTime, offset), true);
    }

    private static LocalDateTime parse(String start) {
        try {
            return start.contains("T") ? LocalDateTime.parse(start) : LocalDate.parse(start).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("portal.business-date must look like 2023-10-15 or 2023-10-15T10:00, not '"
                    + start + "'", e);
        }
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** True when the business date is not the real date (sandbox): pages say so. */
    public boolean simulated() {
        return simulated;
    }
}
