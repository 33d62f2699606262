package cn.yibao.portal.web;

import cn.yibao.portal.web.domain.TokenBucket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token buckets in this node's memory: the single-node default, and the fallback while Redis is unreachable. */
final class LocalRateLimits {

    private final TokenBucket bucket;
    private final LongSupplier nowMicros;
    private final Map<String, TokenBucket.State> states = new ConcurrentHashMap<>();

    LocalRateLimits(TokenBucket bucket) {
        this(bucket, () -> System.currentTimeMillis() * 1000);
    }

    LocalRateLimits(TokenBucket bucket, LongSupplier nowMicros) {
        this.bucket = bucket;
        this.nowMicros = nowMicros;
    }

    Optional<Duration> take(String key) {
        long now = nowMicros.getAsLong();
        Optional<Duration>[] wait = new Optional[1];
        states.compute(key, (ignored, state) -> {
            TokenBucket.Taken taken = bucket.take(state, now);
            wait[0] = taken.retryAfter();
            return taken.next();
        });
        // Full buckets carry no information: forget them, so that the map does not grow with every address seen.
        if (states.size() > 100_000) {
            states.values().removeIf(state -> now - state.atMicros() > 60_000_000);
        }
        return wait[0];
    }
}
