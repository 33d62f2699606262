package cn.yibao.portal.web;

import cn.yibao.portal.web.domain.RequestWindow;
import java.time.Duration;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A sliding one-minute window of requests per client address and purpose (verification endpoints use it so that nobody can try codes at
 * speed). With Redis configured the windows live there, so the limit is the same whichever node answers; without
 * it, or while Redis cannot be reached (logged), in this node's memory.
 */
@Component
public class ClientRateLimiter {

    private static final Log log = LogFactory.getLog(ClientRateLimiter.class);

    private final RequestWindow window;
    private final LocalRateLimits local;
    private final RedisRateLimits redis;
    private volatile boolean redisFailing;

    ClientRateLimiter(@Value("${portal.rate-limit.verify-per-minute:30}") int perMinute,
                      ObjectProvider<ReactiveStringRedisTemplate> redis) {
        this.window = new RequestWindow(perMinute);
        this.local = new LocalRateLimits(window);
        this.redis = redis.getIfAvailable() == null ? null : new RedisRateLimits(redis.getObject());
    }

    /** Counts one request of the client's; empty when allowed, else how long to wait. */
    public Mono<Optional<Duration>> acquire(String client) {
        String key = client == null ? "unknown" : client;
        if (redis == null) {
            return Mono.just(local.take(key));
        }
        return redis.take(key, window.perMinute())
                .doOnNext(allowed -> recovered())
                .onErrorResume(e -> {
                    if (!redisFailing) {
                        redisFailing = true;
                        log.warn("Redis unreachable for rate limits; limiting per node until it is back: " + e);
                    }
                    return Mono.just(local.take(key));
                });
    }

    private void recovered() {
        if (redisFailing) {
            redisFailing = false;
            log.warn("Redis reachable again: rate limits are shared by all nodes again");
        }
    }
}
