package cn.yibao.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.audit.api.AuditEntry.ActorType;
import cn.yibao.portal.audit.api.AuditEntry.Outcome;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.audit.domain.ChainReport;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A database that already had audit rows before the chain: the migration chains them and new rows follow on. */
class AuditChainMigrationIT extends PortalIntegrationTest {

    @Test
    void rowsFromBeforeTheChainAreChainedInIdOrderAndNewRowsFollowOn() throws Exception {
        try (OwnDatabase own = new OwnDatabase(environment).migrate("5")) {
            try (Connection owner = own.owner(); Statement statement = owner.createStatement()) {
                statement.execute("""
                        insert into audit_event (occurred_at, actor_type, actor_id, action, outcome, detail)
                        values ('2023-10-15 10:00+08', 'RESIDENT', 'wenshui-dibao', 'SIGN_IN', 'SUCCESS', null),
                               ('2023-10-15 10:05+08', 'STAFF', 'S141121001', 'CODE_VERIFY', 'FAILURE', 'RESIDENT 已过期'),
                               ('2023-10-15 10:09+08', 'ANONYMOUS', null, 'SIGN_IN', 'FAILURE', '两行\n第二行')""");
            }
            own.migrate(null);

            AuditChain chain = own.chain();
            assertThat(chain.verify().block()).isInstanceOfSatisfying(ChainReport.Intact.class,
                    intact -> assertThat(intact.rows()).isEqualTo(3));
            new AuditTrail(own.application()).record(new AuditEntry(Instant.now(), ActorType.SYSTEM, "after-migration",
                    null, "TEST", Outcome.SUCCESS, null, null, null)).block();
            assertThat(chain.verify().block()).isInstanceOfSatisfying(ChainReport.Intact.class, intact -> {
                assertThat(intact.rows()).isEqualTo(4);
                assertThat(intact.lastId()).isGreaterThan(3);
            });
        }
    }
}
