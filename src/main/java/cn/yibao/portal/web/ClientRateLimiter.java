package cn.yibao.portal.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address, in memory (one instance; a cluster would move this to the database or the
 * proxy). Verification endpoints use it so that nobody can try codes at speed.
 */
@Component
public class ClientRateLimiter {

    private final int capacity;
    private final Duration refillEvery;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ClientRateLimiter(@Value("${portal.rate-limit.verify-per-minute:30}") int perMinute) {
        this.capacity = perMinute;
        this.refillEvery = Duration.ofMinutes(1).dividedBy(perMinute);
    }

    private record Bucket(double tokens, Instant updated) {
    }

    /** Takes one request from the client's bucket; empty when allowed, else how long to wait. */
    public Optional<Duration> acquire(String client, Instant now) {
        Duration[] wait = {null};
        buckets.compute(client == null ? "unknown" : client, (key, bucket) -> {
            Bucket current = bucket == null ? new Bucket(capacity, now) : refill(bucket, now);
            if (current.tokens() >= 1) {
                return new Bucket(current.tokens() - 1, now);
            }
            wait[0] = Duration.ofMillis((long) Math.ceil((1 - current.tokens()) * refillEvery.toMillis()));
            return current;
        });
        return Optional.ofNullable(wait[0]);
    }

    private Bucket refill(Bucket bucket, Instant now) {
        double added = (double) Duration.between(bucket.updated(), now).toMillis() / refillEvery.toMillis();
        return new Bucket(Math.min(capacity, bucket.tokens() + Math.max(0, added)), now);
    }
}
