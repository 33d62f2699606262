package cn.yibao.portal.web.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenBucketTest {

    private static final long SECOND = 1_000_000;

    @Test
    void thirtyAMinuteAllowsThirtyThenTheNextWaitsTwoSeconds() {
        TokenBucket bucket = new TokenBucket(30);
        TokenBucket.State state = null;
        for (int i = 0; i < 30; i++) {
            TokenBucket.Taken taken = bucket.take(state, 0);
            assertThat(taken.retryAfter()).isEmpty();
            state = taken.next();
        }

        assertThat(bucket.take(state, 0).retryAfter()).hasValue(Duration.ofSeconds(2));
        TokenBucket.Taken afterTwoSeconds = bucket.take(state, 2 * SECOND);
        assertThat(afterTwoSeconds.retryAfter()).isEmpty();
        assertThat(bucket.take(afterTwoSeconds.next(), 2 * SECOND).retryAfter()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(ints = {60_000, 60_001, 1_000_000})
    void aLargeLimitStillAllowsItsRequestsAndRefills(int perMinute) {
        TokenBucket bucket = new TokenBucket(perMinute);
        TokenBucket.State state = null;
        for (int i = 0; i < perMinute; i++) {
            TokenBucket.Taken taken = bucket.take(state, 0);
            assertThat(taken.retryAfter()).as("request %d", i).isEmpty();
            state = taken.next();
        }
        assertThat(bucket.take(state, 0).retryAfter()).isPresent();
        assertThat(bucket.take(state, 60 * SECOND).retryAfter()).as("a minute later it is full again").isEmpty();
    }

    @Test
    void aClockThatGoesBackAddsNothing() {
        TokenBucket bucket = new TokenBucket(1);
        TokenBucket.State empty = bucket.take(null, 10 * SECOND).next();

        assertThat(bucket.take(empty, 5 * SECOND).retryAfter()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1_000_001})
    void aLimitOutsideTheRangeIsRefused(int perMinute) {
        assertThatThrownBy(() -> new TokenBucket(perMinute)).hasMessageContaining("verify-per-minute");
    }
}
