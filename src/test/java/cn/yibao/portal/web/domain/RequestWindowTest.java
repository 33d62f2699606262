package cn.yibao.portal.web.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestWindowTest {

    private static final long SECOND = 1_000_000;

    @Test
    void belowTheLimitARequestPassesAtTheLimitItWaitsForTheOldestToLeave() {
        RequestWindow window = new RequestWindow(30);

        assertThat(window.decide(29, 0, 10 * SECOND)).isEmpty();
        assertThat(window.decide(30, 0, 10 * SECOND)).hasValue(Duration.ofSeconds(50));
        assertThat(window.decide(30, 0, 60 * SECOND - 1)).hasValue(Duration.ofNanos(1000));
    }

    @Test
    void aRequestExactlyAMinuteOldHasLeftTheWindow() {
        assertThat(RequestWindow.expiredUpTo(60 * SECOND)).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {60_000, 60_001, 100_000})
    void largeLimitsAreFine(int perMinute) {
        RequestWindow window = new RequestWindow(perMinute);
        assertThat(window.decide(perMinute - 1, 0, 0)).isEmpty();
        assertThat(window.decide(perMinute, 0, 0)).hasValue(Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 100_001})
    void aLimitOutsideTheRangeIsRefused(int perMinute) {
        assertThatThrownBy(() -> new RequestWindow(perMinute)).hasMessageContaining("verify-per-minute");
    }
}
