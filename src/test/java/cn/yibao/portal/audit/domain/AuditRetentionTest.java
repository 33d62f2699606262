package cn.yibao.portal.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditRetentionTest {

    @Test
    void rowsAreKeptAtLeast180Days() {
        assertThat(new AuditRetention(Duration.parse("P180D")).days()).isEqualTo(180);
        assertThat(new AuditRetention(Duration.parse("P365D")).days()).isEqualTo(365);
        assertThatThrownBy(() -> new AuditRetention(Duration.parse("P179DT23H")))
                .hasMessageContaining("at least 180 days");
        assertThatThrownBy(() -> new AuditRetention(null)).hasMessageContaining("at least 180 days");
    }
}
