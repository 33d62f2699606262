package cn.yibao.portal.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Request windows in Redis, one sorted set of request times per client, checked and counted atomically by a Lua
 * script on Redis's own clock (nodes' clocks may differ). The rule is
 * {@link cn.yibao.portal.web.domain.RequestWindow}'s; a client quiet for a minute has an empty window, which expires.
 */
final class RedisRateLimits {

    static final String KEY_PREFIX = "portal:rate:verify:";

    private static final RedisScript<Long> TAKE = RedisScript.of("""
            local per_minute = tonumber(ARGV[1])
            local window = 60000000
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local count = redis.call('ZCARD', KEYS[1])
            if count < per_minute then
              redis.call('ZADD', KEYS[1], now, now .. ':' .. count)
              redis.call('PEXPIRE', KEYS[1], 60000)
              return 0
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return math.max(1, tonumber(oldest[2]) + window - now)
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;

    RedisRateLimits(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Empty when allowed, else how long to wait. */
    Mono<Optional<Duration>> take(String client, int perMinute) {
        return redis.execute(TAKE, List.of(KEY_PREFIX + client), List.of(Integer.toString(perMinute)))
                .next()
                .map(waitMicros -> waitMicros == 0 ? Optional.<Duration>empty()
                        : Optional.of(Duration.ofNanos(waitMicros * 1000)));
    }
}
