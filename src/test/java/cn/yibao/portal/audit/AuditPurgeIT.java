package cn.yibao.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.audit.api.AuditEntry.ActorType;
import cn.yibao.portal.audit.api.AuditEntry.Outcome;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.audit.domain.AuditRetention;
import cn.yibao.portal.audit.domain.ChainReport;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Purging needs rows stored long ago, which only the owner can fake: each test gets a database of its own where the
 * owner backdates rows and re-chains them. The application's role does the rest.
 */
class AuditPurgeIT extends PortalIntegrationTest {

    private static final AuditRetention A_YEAR = new AuditRetention(Duration.ofDays(365));

    private OwnDatabase own;
    private DatabaseClient app;
    private AuditTrail audit;
    private AuditChain chain;

    @BeforeEach
    void ownDatabase() throws Exception {
        own = new OwnDatabase(environment).migrate(null);
        app = own.application();
        audit = new AuditTrail(app);
        chain = own.chain();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        own.close();
    }

    private void record(int rows) {
        for (int i = 0; i < rows; i++) {
            audit.record(new AuditEntry(Instant.now(), ActorType.SYSTEM, "purge-test", null, "TEST", Outcome.SUCCESS,
                    null, null, "row " + i)).block();
        }
    }

    private List<Long> ids() {
        return app.sql("select id from audit_event order by id").map(row -> row.get(0, Long.class)).all()
                .collectList().block();
    }

    /** As if these rows had been stored that many days ago: backdated and the whole chain hashed again. */
    private void storedDaysAgo(int days, List<Long> ids) throws Exception {
        try (Connection owner = own.owner(); Statement statement = owner.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute("update audit_event set recorded_at = now() - interval '" + days + " days' where id in ("
                    + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
            statement.execute("""
                    do $$
                    declare
                        r        audit_event;
                        previous bytea := decode(repeat('00', 32), 'hex');
                    begin
                        for r in select * from audit_event order by id loop
                            r.prev_hash := previous;
                            r.row_hash := audit_event_hash(r);
                            update audit_event set prev_hash = r.prev_hash, row_hash = r.row_hash where id = r.id;
                            previous := r.row_hash;
                        end loop;
                    end;
                    $$""");
        }
    }

    private void assertIntact(long rows, Long lastId, Long anchoredAfterId) {
        assertThat(chain.verify().block()).isInstanceOfSatisfying(ChainReport.Intact.class, intact -> {
            assertThat(intact.rows()).isEqualTo(rows);
            assertThat(intact.lastId()).isEqualTo(lastId);
            assertThat(intact.anchoredAfterId()).isEqualTo(anchoredAfterId);
        });
    }

    @Test
    void onlyTheLeadingOldRowsGoAndWhatStaysStillVerifies() throws Exception {
        record(6);
        List<Long> ids = ids();
        // The 4th row is old too, but a younger row comes before it: it stays, so the rest stays one chain.
        storedDaysAgo(400, List.of(ids.get(0), ids.get(1), ids.get(3)));
        assertIntact(6, ids.get(5), null);

        assertThat(chain.purge(A_YEAR).block()).isEqualTo(2);

        assertThat(ids()).isEqualTo(ids.subList(2, 6));
        assertIntact(4, ids.get(5), ids.get(1));
        record(1);
        assertThat(chain.verify().block()).isInstanceOfSatisfying(ChainReport.Intact.class,
                intact -> assertThat(intact.rows()).isEqualTo(5));
        assertThat(chain.purge(A_YEAR).block()).isZero();
    }

    @Test
    void afterEverythingWasPurgedTheNextRowLinksToTheAnchor() throws Exception {
        record(3);
        List<Long> ids = ids();
        storedDaysAgo(400, ids);

        assertThat(chain.purge(A_YEAR).block()).isEqualTo(3);
        assertIntact(0, null, ids.get(2));

        record(2);
        assertThat(chain.verify().block()).isInstanceOfSatisfying(ChainReport.Intact.class, intact -> {
            assertThat(intact.rows()).isEqualTo(2);
            assertThat(intact.anchoredAfterId()).isEqualTo(ids.get(2));
        });
    }

    @Test
    void rowsYoungerThan180DaysStayWhateverTheRetentionAsked() throws Exception {
        record(2);
        List<Long> ids = ids();
        storedDaysAgo(179, List.of(ids.get(0)));

        assertThat(chain.purge(new AuditRetention(Duration.ofDays(180))).block()).isZero();

        storedDaysAgo(181, List.of(ids.get(0)));
        assertThat(chain.purge(new AuditRetention(Duration.ofDays(180))).block()).isEqualTo(1);
        assertIntact(1, ids.get(1), ids.get(0));
    }
}
