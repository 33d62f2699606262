package cn.yibao.portal.web.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * A token bucket holding at most {@code perMinute} requests and refilled at that many a minute. Time is in
 * microseconds and the refill is computed as tokens per elapsed microsecond, never as an interval per token, so no
 * limit is too large (an interval of {@code 1 min / limit} rounds to zero above 60,000 a minute). The Redis store runs
 * the same arithmetic in Lua; keep the two alike.
 */
public record TokenBucket(int perMinute) {

    public static final int MAX_PER_MINUTE = 1_000_000;
    private static final double MICROS_PER_MINUTE = 60_000_000d;

    public TokenBucket {
        if (perMinute < 1 || perMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("portal.rate-limit.verify-per-minute must be between 1 and "
                    + MAX_PER_MINUTE + ", not " + perMinute);
        }
    }

    /** What is left in a client's bucket, as of a moment. */
    public record State(double tokens, long atMicros) {
    }

    /** The bucket after a request, and how long the client must wait when it was refused (empty: allowed). */
    public record Taken(State next, Optional<Duration> retryAfter) {
    }

    /** Takes one request from the bucket ({@code current} null: a client not seen lately starts full). */
    public Taken take(State current, long nowMicros) {
        double tokens = current == null ? perMinute : refilled(current, nowMicros);
        if (tokens >= 1) {
            return new Taken(new State(tokens - 1, nowMicros), Optional.empty());
        }
        long waitMicros = (long) Math.ceil((1 - tokens) * MICROS_PER_MINUTE / perMinute);
        return new Taken(new State(tokens, nowMicros), Optional.of(Duration.ofNanos(waitMicros * 1000)));
    }

    private double refilled(State state, long nowMicros) {
        long elapsed = Math.max(0, nowMicros - state.atMicros()); // a clock that went back adds nothing
        return Math.min(perMinute, state.tokens() + elapsed * (perMinute / MICROS_PER_MINUTE));
    }
}
