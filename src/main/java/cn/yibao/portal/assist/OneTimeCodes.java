package cn.yibao.portal.assist;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one-time code a resident reads out to approve an assist request, kept only until their phone shows it (the
 * database keeps a hash, to check what the worker types). With more than one node the resident's phone may reach
 * another node than the worker's desk: the codes then live in Redis, expiring with the request; on a single node in
 * memory. A lost code (a restart) only means the resident approves by button instead.
 */
@Component
class OneTimeCodes {

    private static final String PREFIX = "portal:assist:code:";

    private final ReactiveStringRedisTemplate redis;
    private final Map<UUID, String> local = new ConcurrentHashMap<>();

    OneTimeCodes(ObjectProvider<ReactiveStringRedisTemplate> redis) {
        this.redis = redis.getIfAvailable();
    }

    Mono<Void> keep(UUID sessionId, String code, Duration lifetime) {
        if (redis == null) {
            local.put(sessionId, code);
            return Mono.empty();
        }
        return redis.opsForValue().set(PREFIX + sessionId, code, lifetime).then();
    }

    Mono<String> find(UUID sessionId) {
        return redis == null ? Mono.justOrEmpty(local.get(sessionId)) : redis.opsForValue().get(PREFIX + sessionId);
    }

    Mono<Void> forget(UUID sessionId) {
        if (redis == null) {
            local.remove(sessionId);
            return Mono.empty();
        }
        return redis.delete(PREFIX + sessionId).then();
    }
}
