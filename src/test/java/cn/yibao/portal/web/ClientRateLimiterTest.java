package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.web.domain.RequestWindow;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

class ClientRateLimiterTest {

    private static final long SECOND = 1_000_000;

    @Test
    void thirtyAMinuteSpreadOverTheMinuteThenThe31stWaitsForTheOldestToLeaveWhileOthersAreUnaffected() {
        AtomicLong nowMicros = new AtomicLong(1_000 * SECOND);
        LocalRateLimits limits = new LocalRateLimits(new RequestWindow(30), nowMicros::get);
        for (int i = 0; i < 30; i++) {
            assertThat(limits.take("10.0.0.1")).as("request %d", i + 1).isEmpty();
            nowMicros.addAndGet(SECOND); // one a second: a token bucket would have refilled meanwhile
        }

        // 30 s after the first: it leaves the window 30 s from now.
        assertThat(limits.take("10.0.0.1")).hasValue(Duration.ofSeconds(30));
        assertThat(limits.take("10.0.0.2")).isEmpty();
        nowMicros.addAndGet(30 * SECOND);
        assertThat(limits.take("10.0.0.1")).as("the first has left the window").isEmpty();
        assertThat(limits.take("10.0.0.1")).as("the second leaves a second later").hasValue(Duration.ofSeconds(1));
    }

    @Test
    void aRefusedRequestIsNotCounted() {
        AtomicLong nowMicros = new AtomicLong(0);
        LocalRateLimits limits = new LocalRateLimits(new RequestWindow(1), nowMicros::get);
        assertThat(limits.take("a")).isEmpty();
        for (int i = 0; i < 10; i++) {
            nowMicros.addAndGet(SECOND);
            assertThat(limits.take("a")).isPresent();
        }
        nowMicros.set(60 * SECOND);
        assertThat(limits.take("a")).isEmpty();
    }

    @Test
    void whileRedisCannotBeReachedTheNodeLimitsOnItsOwnInsteadOfFailingOrLettingEveryoneThrough() {
        // Nothing listens on port 1: every call to Redis fails at once.
        LettuceConnectionFactory unreachable = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        unreachable.afterPropertiesSet();
        unreachable.start();
        try {
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("redis", new ReactiveStringRedisTemplate(unreachable));
            ClientRateLimiter limiter = new ClientRateLimiter(3, beans.getBeanProvider(ReactiveStringRedisTemplate.class));

            for (int i = 0; i < 3; i++) {
                assertThat(limiter.acquire("10.0.0.9").block()).as("request %d", i + 1).isEmpty();
            }
            assertThat(limiter.acquire("10.0.0.9").block()).as("the 4th, limited locally").isPresent();
        } finally {
            unreachable.destroy();
        }
    }
}
