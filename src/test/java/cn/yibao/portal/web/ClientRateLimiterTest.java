package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    private static final Instant NOW = Instant.parse("2023-10-15T02:00:00Z");

    @Test
    void aClientGetsItsQuotaPerMinuteThenWaitsWhileOthersAreUnaffected() {
        ClientRateLimiter limiter = new ClientRateLimiter(30);
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.acquire("10.0.0.1", NOW)).isEmpty();
        }

        assertThat(limiter.acquire("10.0.0.1", NOW)).hasValue(Duration.ofSeconds(2));
        assertThat(limiter.acquire("10.0.0.2", NOW)).isEmpty();
        assertThat(limiter.acquire("10.0.0.1", NOW.plusSeconds(2))).isEmpty();
        assertThat(limiter.acquire("10.0.0.1", NOW.plusSeconds(2))).isPresent();
    }
}
