package cn.yibao.portal.audit;

import cn.yibao.portal.audit.domain.AuditRetention;
import cn.yibao.portal.audit.domain.ChainAnchor;
import cn.yibao.portal.audit.domain.ChainReport;
import cn.yibao.portal.audit.domain.ChainVerifier;
import cn.yibao.portal.audit.domain.ChainedRow;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit trail's hash chain, for operators: verification and the retention purge. The database builds the
 * chain (migration V6); this recomputes every hash independently.
 */
@Service
public class AuditChain {

    static final int PAGE_SIZE = 500;

    private final DatabaseClient database;
    private final TransactionalOperator snapshot;

    AuditChain(DatabaseClient database, ReactiveTransactionManager transactions) {
        this.database = database;
        // One snapshot for the whole walk: a purge or insert meanwhile cannot make a sound chain look broken.
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        definition.setReadOnly(true);
        this.snapshot = TransactionalOperator.create(transactions, definition);
    }

    /** Walks the chain in id order, one page at a time, and stops at the first row that does not fit. */
    public Mono<ChainReport> verify() {
        Mono<ChainReport> walk = anchor()
                .map(ChainVerifier::new)
                .defaultIfEmpty(new ChainVerifier(null))
                .flatMap(verifier -> rows()
                        .<ChainReport>mapNotNull(row -> verifier.check(row).orElse(null))
                        .next()
                        .switchIfEmpty(Mono.fromSupplier(verifier::intact)));
        return snapshot.transactional(walk);
    }

    /** Removes rows stored longer ago than the retention (never younger than 180 days); returns how many. */
    public Mono<Long> purge(AuditRetention retention) {
        return database.sql("select audit_purge(:days)")
                .bind("days", retention.days())
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private Mono<ChainAnchor> anchor() {
        return database.sql("select purged_through_id, last_hash from audit_chain_anchor "
                        + "order by purged_through_id desc limit 1")
                .map(row -> new ChainAnchor(row.get("purged_through_id", Long.class), row.get("last_hash", byte[].class)))
                .one();
    }

    /** Keyset pages: memory stays at one page however long the table, whatever the driver buffers. */
    private Flux<ChainedRow> rows() {
        return page(Long.MIN_VALUE).expand(page -> page.size() < PAGE_SIZE ? Mono.empty() : page(page.get(page.size() - 1).id()))
                .concatMapIterable(page -> page);
    }

    private Mono<List<ChainedRow>> page(long afterId) {
        return database.sql("""
                        select id, recorded_at, occurred_at, actor_type, actor_id, resident_id, action, outcome,
                               client_address, user_agent, detail, object_id, request_id, assist_session_id,
                               prev_hash, row_hash
                        from audit_event where id > :after order by id limit :limit""")
                .bind("after", afterId)
                .bind("limit", PAGE_SIZE)
                .map(AuditChain::chainedRow)
                .all()
                .collectList();
    }

    private static ChainedRow chainedRow(Readable row) {
        return new ChainedRow(row.get("id", Long.class), row.get("recorded_at", Instant.class),
                row.get("occurred_at", Instant.class), row.get("actor_type", String.class),
                row.get("actor_id", String.class), row.get("resident_id", UUID.class), row.get("action", String.class),
                row.get("outcome", String.class), row.get("client_address", String.class),
                row.get("user_agent", String.class), row.get("detail", String.class),
                row.get("object_id", String.class), row.get("request_id", String.class),
                row.get("assist_session_id", UUID.class), row.get("prev_hash", byte[].class),
                row.get("row_hash", byte[].class));
    }
}
