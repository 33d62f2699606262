package cn.yibao.portal.web.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * At most {@code perMinute} requests in any minute, counted in a sliding window (the requests of the last 60 s), so
 * that "30 a minute" means the 31st within a minute is refused however the 30 were spread. A refused request is not
 * counted. Time is in microseconds. The Redis store runs the same rule in Lua; keep the two alike.
 */
public record RequestWindow(int perMinute) {

    public static final int MAX_PER_MINUTE = 100_000;
    public static final long WINDOW_MICROS = 60_000_000L;

    public RequestWindow {
        if (perMinute < 1 || perMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("portal.rate-limit.verify-per-minute must be between 1 and "
                    + MAX_PER_MINUTE + ", not " + perMinute);
        }
    }

    /** Requests at or before this moment have left the window at {@code nowMicros}. */
    public static long expiredUpTo(long nowMicros) {
        return nowMicros - WINDOW_MICROS;
    }

    /**
     * Whether one more request may pass, given how many are still in the window and when the oldest of them came;
     * empty when it may (and is then counted), else how long until the oldest leaves the window.
     */
    public Optional<Duration> decide(int inWindow, long oldestMicros, long nowMicros) {
        if (inWindow < perMinute) {
            return Optional.empty();
        }
        long waitMicros = Math.max(1, oldestMicros + WINDOW_MICROS - nowMicros);
        return Optional.of(Duration.ofNanos(waitMicros * 1000));
    }
}
