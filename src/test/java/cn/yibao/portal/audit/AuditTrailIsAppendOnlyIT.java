package cn.yibao.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yibao.portal.audit.api.AuditEntry.ActorType;
import cn.yibao.portal.audit.api.AuditEntry.Outcome;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditTrailIsAppendOnlyIT extends PortalIntegrationTest {

    @Autowired
    AuditTrail audit;

    private void record(String actorId) {
        audit.record(new AuditEntry(Instant.now(), ActorType.SYSTEM, actorId, null, "TEST", Outcome.SUCCESS,
                "127.0.0.1", "junit", null)).block();
    }

    @Test
    void theApplicationsRoleMayAddRowsButHasNoRightToChangeOrRemoveThem() {
        record("append-only-test");
        assertThat(count("select count(*) from audit_event where actor_id = 'append-only-test'")).isEqualTo(1);

        assertThatThrownBy(() -> database.sql("update audit_event set outcome = 'FAILURE' where actor_id = 'append-only-test'")
                .then().block()).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> database.sql("delete from audit_event where actor_id = 'append-only-test'")
                .then().block()).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> database.sql("truncate audit_event").then().block()).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> database.sql("insert into audit_chain_anchor values (1, '\\x00', 1, now(), now())")
                .then().block()).hasMessageContaining("permission denied");
        assertThat(count("select count(*) from audit_event where actor_id = 'append-only-test' and outcome = 'SUCCESS'"))
                .isEqualTo(1);
    }

    @Test
    void evenTheOwnerIsStoppedByTheTrigger() throws Exception {
        record("append-only-owner-test");

        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.execute(
                    "update audit_event set outcome = 'FAILURE' where actor_id = 'append-only-owner-test'"))
                    .hasMessageContaining("audit_event is append-only: UPDATE");
            assertThatThrownBy(() -> statement.execute("delete from audit_event where actor_id = 'append-only-owner-test'"))
                    .hasMessageContaining("audit_event is append-only: DELETE");
            // The purge's own switch does not open young rows either.
            statement.execute("set portal.audit_purge = 'on'");
            assertThatThrownBy(() -> statement.execute("delete from audit_event where actor_id = 'append-only-owner-test'"))
                    .hasMessageContaining("audit_event is append-only: DELETE");
            assertThatThrownBy(() -> statement.execute("truncate audit_event"))
                    .hasMessageContaining("audit_event is append-only: TRUNCATE");
        }
        assertThat(count("select count(*) from audit_event where actor_id = 'append-only-owner-test' and outcome = 'SUCCESS'"))
                .isEqualTo(1);
    }

    @Test
    void thePurgeKeepsAtLeast180Days() {
        assertThatThrownBy(() -> database.sql("select audit_purge(179)").then().block())
                .hasMessageContaining("at least 180 days");
    }
}
