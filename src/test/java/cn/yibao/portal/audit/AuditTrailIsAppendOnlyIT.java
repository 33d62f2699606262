package cn.yibao.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yibao.portal.audit.domain.AuditEntry;
import cn.yibao.portal.audit.domain.AuditEntry.ActorType;
import cn.yibao.portal.audit.domain.AuditEntry.Outcome;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditTrailIsAppendOnlyIT extends PortalIntegrationTest {

    @Autowired
    AuditTrail audit;

    @Test
    void rowsCanBeAddedButNeverChangedOrRemoved() {
        audit.record(new AuditEntry(Instant.now(), ActorType.SYSTEM, "append-only-test", null, "TEST",
                Outcome.SUCCESS, "127.0.0.1", "junit", null)).block();
        assertThat(count("select count(*) from audit_event where actor_id = 'append-only-test'")).isEqualTo(1);

        assertThatThrownBy(() -> database.sql("update audit_event set outcome = 'FAILURE' where actor_id = 'append-only-test'")
                .then().block()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.sql("delete from audit_event where actor_id = 'append-only-test'")
                .then().block()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.sql("truncate audit_event").then().block()).hasMessageContaining("append-only");
        assertThat(count("select count(*) from audit_event where actor_id = 'append-only-test' and outcome = 'SUCCESS'"))
                .isEqualTo(1);
    }
}
