package cn.yibao.portal.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessClockTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void twoNodesStartedAtDifferentMomentsWithTheSameSinceTellTheSameTime() {
        Instant since = Instant.parse("2026-12-06T02:00:00Z");
        Clock now = Clock.fixed(since.plusSeconds(90), SHANGHAI);

        BusinessClock first = BusinessClock.startingAt("2023-10-15T10:00", since, now);
        BusinessClock second = BusinessClock.startingAt("2023-10-15T10:00", since, now);

        assertThat(first.now()).isEqualTo(second.now());
        assertThat(LocalDateTime.ofInstant(first.now(), SHANGHAI)).isEqualTo(LocalDateTime.parse("2023-10-15T10:01:30"));
    }

    @Test
    void withoutSinceTheBusinessDateBeginsWhenTheClockIsMade() {
        Clock now = Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), SHANGHAI);

        assertThat(LocalDateTime.ofInstant(BusinessClock.startingAt("2023-10-15", now).now(), SHANGHAI))
                .isEqualTo(LocalDateTime.parse("2023-10-15T00:00"));
    }
}
