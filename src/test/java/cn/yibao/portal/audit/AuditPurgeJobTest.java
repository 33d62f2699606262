package cn.yibao.portal.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditPurgeJobTest {

    @Test
    void aRetentionBelow180DaysStopsTheStart() {
        assertThatThrownBy(() -> new AuditPurgeJob(null, null, null, Duration.ofDays(90)))
                .hasMessageContaining("portal.audit.retention must be at least 180 days");
    }
}
