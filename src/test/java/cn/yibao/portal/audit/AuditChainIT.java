package cn.yibao.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.audit.api.AuditEntry.ActorType;
import cn.yibao.portal.audit.api.AuditEntry.Outcome;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.audit.domain.ChainReport.Broken;
import cn.yibao.portal.audit.domain.ChainReport.Problem;
import cn.yibao.portal.audit.domain.ChainReport;
import cn.yibao.portal.support.PortalIntegrationTest;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * The chain on the shared test database. Tampering happens in one owner session with its triggers off (as a
 * superuser could) and is undone before the test ends, so that other tests still see a sound chain.
 */
class AuditChainIT extends PortalIntegrationTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditChain chain;

    private long recorded(String actorId, String detail) {
        audit.record(new AuditEntry(Instant.now(), ActorType.SYSTEM, actorId, null, "TEST", Outcome.SUCCESS, null,
                null, detail)).block();
        return count("select max(id) from audit_event where actor_id = '" + actorId + "'");
    }

    private static long firstBreakInSql(Statement owner) throws Exception {
        try (ResultSet result = owner.executeQuery("select broken_id from audit_chain_first_break()")) {
            return result.next() ? result.getLong(1) : -1;
        }
    }

    @Test
    void changingOneByteOfARowMakesTheCheckNameThatRow() throws Exception {
        long id = recorded("tamper-test", "tamper probe");
        assertThat(chain.verify().block()).isInstanceOf(ChainReport.Intact.class);

        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute("update audit_event set detail = 'tamper probf' where id = " + id);
            try {
                assertThat(chain.verify().block()).isInstanceOfSatisfying(Broken.class, broken -> {
                    assertThat(broken.rowId()).isEqualTo(id);
                    assertThat(broken.problem()).isEqualTo(Problem.CONTENT_CHANGED);
                });
                assertThat(firstBreakInSql(statement)).isEqualTo(id);
            } finally {
                statement.execute("update audit_event set detail = 'tamper probe' where id = " + id);
            }
            assertThat(firstBreakInSql(statement)).isEqualTo(-1);
        }
        assertThat(chain.verify().block()).isInstanceOf(ChainReport.Intact.class);
    }

    @Test
    void aRemovedRowIsNamedAtTheNextRowsLink() throws Exception {
        long removed = recorded("removal-test", "first");
        long next = recorded("removal-test", "second");
        long before = count("select max(id) from audit_event where id < " + removed);

        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute("create temporary table kept as select * from audit_event where id = " + removed);
            statement.execute("delete from audit_event where id = " + removed);
            try {
                assertThat(chain.verify().block()).isInstanceOfSatisfying(Broken.class, broken -> {
                    assertThat(broken.rowId()).isEqualTo(next);
                    assertThat(broken.problem()).isEqualTo(Problem.LINK_BROKEN);
                    assertThat(cn.yibao.portal.text.RealBundles.zh(broken.detail())).contains("id " + before);
                });
            } finally {
                statement.execute("insert into audit_event select * from kept");
            }
        }
        assertThat(chain.verify().block()).isInstanceOf(ChainReport.Intact.class);
    }

    @Test
    void awkwardValuesHashTheSameInTheDatabaseAndInJava() {
        audit.record(new AuditEntry(Instant.parse("2023-10-15T02:00:00.123456789Z"), ActorType.RESIDENT, "欧阳文静",
                UUID.randomUUID(), "TEST", Outcome.FAILURE, "::1", "Mozilla/5.0 😀 MicroMessenger",
                "两行\n第二行 ' \" \\ -", "YD2023101500000001", "0123456789abcdef-REQ", UUID.randomUUID())).block();
        audit.record(new AuditEntry(Instant.EPOCH, ActorType.ANONYMOUS, null, null, "TEST", Outcome.SUCCESS, null,
                null, "", null, null, null)).block();

        assertThat(chain.verify().block()).isInstanceOf(ChainReport.Intact.class);
    }

    @Test
    void concurrentInsertsFromTwoInstancesMakeOneLinearChain() {
        // A second application instance: its own pool to the same database, as the same restricted role.
        ConnectionPool secondInstance = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(
                        ConnectionFactoryOptions.parse(environment.getRequiredProperty("spring.r2dbc.url")).mutate()
                                .option(ConnectionFactoryOptions.USER, environment.getRequiredProperty("spring.r2dbc.username"))
                                .option(ConnectionFactoryOptions.PASSWORD, environment.getRequiredProperty("spring.r2dbc.password"))
                                .build()))
                .maxSize(4).build());
        AuditTrail other = new AuditTrail(DatabaseClient.create(secondInstance));
        int each = 300;
        try {
            Flux.merge(
                    Flux.range(0, each).flatMap(i -> audit.record(entry("concurrent-a", i)), 8),
                    Flux.range(0, each).flatMap(i -> other.record(entry("concurrent-b", i)), 4))
                    .blockLast();
        } finally {
            secondInstance.dispose();
        }

        assertThat(count("select count(*) from audit_event where actor_id in ('concurrent-a', 'concurrent-b')"))
                .isEqualTo(2 * each);
        // Linear: no two rows claim the same predecessor, and every link holds (across several pages).
        assertThat(count("select count(*) from (select prev_hash from audit_event group by prev_hash "
                + "having count(*) > 1) forks")).isZero();
        assertThat(count("select count(*) from audit_event")).isGreaterThan(AuditChain.PAGE_SIZE);
        String head = database.sql("select encode(row_hash, 'hex') from audit_event order by id desc limit 1")
                .map(row -> row.get(0, String.class)).one().block();
        assertThat(chain.verify().block()).isInstanceOfSatisfying(ChainReport.Intact.class, intact -> {
            assertThat(intact.rows()).isEqualTo(count("select count(*) from audit_event"));
            assertThat(intact.headHash()).isEqualTo(head);
        });
    }

    private static AuditEntry entry(String actorId, int i) {
        return new AuditEntry(Instant.now(), ActorType.SYSTEM, actorId, null, "TEST", Outcome.SUCCESS, null, null,
                "insert " + i);
    }
}
