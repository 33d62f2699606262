package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.web.domain.TokenBucket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    @Test
    void aClientGetsItsQuotaPerMinuteThenWaitsWhileOthersAreUnaffected() {
        AtomicLong nowMicros = new AtomicLong(1_000_000_000L);
        LocalRateLimits limits = new LocalRateLimits(new TokenBucket(30), nowMicros::get);
        for (int i = 0; i < 30; i++) {
            assertThat(limits.take("10.0.0.1")).isEmpty();
        }

        assertThat(limits.take("10.0.0.1")).hasValue(Duration.ofSeconds(2));
        assertThat(limits.take("10.0.0.2")).isEmpty();
        nowMicros.addAndGet(2_000_000);
        assertThat(limits.take("10.0.0.1")).isEmpty();
        assertThat(limits.take("10.0.0.1")).isPresent();
    }
}
