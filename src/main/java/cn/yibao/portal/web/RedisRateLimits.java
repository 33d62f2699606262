package cn.yibao.portal.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, one hash per client, taken from atomically by a Lua script on Redis's own clock (nodes'
 * clocks may differ). The arithmetic is {@link cn.yibao.portal.web.domain.TokenBucket}'s; a bucket untouched for two
 * minutes is full again and expires.
 */
final class RedisRateLimits {

    static final String KEY_PREFIX = "portal:rate:verify:";

    private static final RedisScript<Long> TAKE = RedisScript.of("""
            local per_minute = tonumber(ARGV[1])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1])
            if tokens == nil then
              tokens = per_minute
            else
              local elapsed = math.max(0, now - tonumber(state[2]))
              tokens = math.min(per_minute, tokens + elapsed * (per_minute / 60000000))
            end
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.ceil((1 - tokens) * 60000000 / per_minute)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], 120000)
            return wait
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
