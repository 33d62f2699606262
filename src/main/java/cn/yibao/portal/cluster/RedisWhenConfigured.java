package cn.yibao.portal.cluster;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Redis only when it is configured ({@code SPRING_DATA_REDIS_URL}, or {@code spring.data.redis.host}): then web
 * sessions live there (indexed by principal, so that "sign out everywhere" finds them all) and rate limits too.
 * Otherwise Boot's Redis auto-configuration would still make a client for localhost:6379, hold sessions there and
 * report the missing server as a health failure; on a single node everything stays in memory instead.
 */
public class RedisWhenConfigured implements EnvironmentPostProcessor, Ordered {

    static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
            "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (isConfigured(environment)) {
            environment.getPropertySources().addLast(new MapPropertySource("redisSessions", Map.of(
                    "spring.session.data.redis.repository-type", "indexed",
                    "spring.session.data.redis.namespace", "portal:session")));
            return;
        }
        Set<String> excluded = new LinkedHashSet<>();
        String already = environment.getProperty("spring.autoconfigure.exclude", "");
        for (String name : already.split(",")) {
            if (!name.isBlank()) {
                excluded.add(name.strip());
            }
        }
        excluded.addAll(REDIS_AUTO_CONFIGURATIONS);
        environment.getPropertySources().addFirst(new MapPropertySource("noRedis",
                Map.of("spring.autoconfigure.exclude", String.join(",", excluded))));
    }

    static boolean isConfigured(ConfigurableEnvironment environment) {
        return !environment.getProperty("spring.data.redis.url", "").isBlank()
                || !environment.getProperty("spring.data.redis.host", "").isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
