package cn.yibao.portal.payment;

import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.payment.domain.PaymentTransitions;
import cn.yibao.portal.payment.domain.TransitionCause;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.PhraseRecords;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders, their people, their events and idempotency keys. Every status change goes through {@link #transition},
 * which checks it against the status graph and records it (event and audit row).
 */
@Repository
class PaymentRepository {

    private static final String ORDER_COLUMNS = """
            id, order_no, payer_id, benefit_year, channel, amount_fen, status, version, transaction_id, pay_url,
            created_at, expires_at, paid_at, review_reason, review_phrase, region""";

    record StoredKey(byte[] requestHash, UUID orderId, Instant expiresAt) {
    }

    private final DatabaseClient database;
    private final PaymentAudit audit;

    PaymentRepository(DatabaseClient database, PaymentAudit audit) {
        this.database = database;
        this.audit = audit;
    }

    /** Serializes order creation per payer inside the caller's transaction. */
    Mono<Void> lockPayer(UUID payerId) {
        return database.sql("select pg_advisory_xact_lock(hashtext(:id))").bind("id", "payment:" + payerId)
                .fetch().rowsUpdated().then();
    }

    /**
     * The payer's key if it is still live; an expired one is forgotten in the same statement, so the key may be used
     * again in this transaction.
     */
    Mono<StoredKey> liveKey(UUID payerId, String key, Instant now) {
        return database.sql("""
                        with forgotten as (
                            delete from payment_idempotency_key
                            where payer_id = :payer and key = :key and expires_at <= :now)
                        select request_hash, order_id, expires_at from payment_idempotency_key
                        where payer_id = :payer and key = :key and expires_at > :now""")
                .bind("payer", payerId).bind("key", key).bind("now", now)
                .map(row -> new StoredKey(row.get("request_hash", byte[].class), row.get("order_id", UUID.class),
                        row.get("expires_at", Instant.class)))
                .one();
    }

    Mono<Long> forgetExpiredKeys(Instant now) {
        return database.sql("delete from payment_idempotency_key where expires_at <= :now").bind("now", now)
                .fetch().rowsUpdated();
    }

    /** The idempotency key that places an order: it names the order once stored. */
    record NewKey(UUID payerId, String key, byte[] requestHash, Instant expiresAt) {
    }

    /**
     * Stores a new order (its number drawn from the sequence: {@code orderNoPrefix} and ten digits), its people and
     * the key that placed it, in one statement; answers the order number. A person already in an open or paid order
     * of the year trips a unique index and nothing is stored.
     */
    Mono<String> insertOrder(PaymentOrder order, String orderNoPrefix, List<PaymentItem> items, NewKey key) {
        return database.sql("""
                        with o as (
                            insert into payment_order (id, order_no, payer_id, benefit_year, channel, amount_fen, status,
                                                       version, created_at, expires_at, updated_at, region)
                            values (:id, :prefix || lpad(nextval('payment_order_no_seq')::text, 10, '0'), :payer, :year,
                                    :channel, :amount, :status, 0, :createdAt, :expiresAt, :createdAt, :region)
                            returning id, order_no),
                        items as (
                            insert into payment_item (order_id, insured_id, benefit_year, amount_fen, standard_fen,
                                                      assistance_fen, grade, citation, state)
                            select o.id, u.insured, :year, u.amount, u.standard, u.assistance,
                                   cast(nullif(u.grade, '') as integer), u.citation, u.state
                            from o, unnest(cast(:insured as uuid[]), cast(:amounts as bigint[]),
                                           cast(:standards as bigint[]), cast(:assistances as bigint[]),
                                           cast(:grades as text[]), cast(:citations as text[]), cast(:states as text[]))
                                    as u (insured, amount, standard, assistance, grade, citation, state)),
                        idempotency as (
                            insert into payment_idempotency_key (payer_id, key, request_hash, order_id, created_at,
                                                                 expires_at)
                            select :payer, :key, :hash, o.id, :createdAt, :keyExpiresAt from o)
                        select order_no from o""")
                .bind("id", order.id()).bind("prefix", orderNoPrefix).bind("payer", order.payerId())
                .bind("region", order.regionCode())
                .bind("year", order.benefitYear()).bind("channel", order.channel().name())
                .bind("amount", order.amountFen()).bind("status", order.status().name())
                .bind("createdAt", order.createdAt()).bind("expiresAt", order.expiresAt())
                .bind("insured", items.stream().map(PaymentItem::insuredId).toArray(UUID[]::new))
                .bind("amounts", items.stream().map(PaymentItem::amountFen).toArray(Long[]::new))
                .bind("standards", items.stream().map(PaymentItem::standardFen).toArray(Long[]::new))
                .bind("assistances", items.stream().map(PaymentItem::assistanceFen).toArray(Long[]::new))
                .bind("grades", items.stream().map(item -> item.grade() == null ? "" : item.grade().toString())
                        .toArray(String[]::new))
                .bind("citations", items.stream().map(PaymentItem::citation).toArray(String[]::new))
                .bind("states", items.stream().map(item -> item.state().name()).toArray(String[]::new))
                .bind("key", key.key()).bind("hash", key.requestHash()).bind("keyExpiresAt", key.expiresAt())
                .map(row -> row.get("order_no", String.class))
                .one();
    }

    Mono<PaymentOrder> find(UUID id) {
        return database.sql("select " + ORDER_COLUMNS + " from payment_order where id = :id").bind("id", id)
                .map(PaymentRepository::order).one();
    }

    /** The order, locked until the caller's transaction ends: refunds of one order are decided one at a time. */
    Mono<PaymentOrder> findForUpdate(UUID id) {
        return database.sql("select " + ORDER_COLUMNS + " from payment_order where id = :id for update").bind("id", id)
                .map(PaymentRepository::order).one();
    }

    /** Something about the order changed that is not its status (a refund of some of its people): for the sweeper. */
    Mono<Void> touch(UUID orderId, Instant now) {
        return database.sql("update payment_order set updated_at = :now where id = :id")
                .bind("id", orderId).bind("now", now).then();
    }

    /** Puts these people's money into a refund, unless it already is in one; answers how many were linked. */
    Mono<Long> linkToRefund(UUID orderId, Collection<UUID> insuredIds, String refundNo) {
        return database.sql("""
                        update payment_item set refund_no = :refundNo
                        where order_id = :order and insured_id = any(:ids) and refund_no is null
                          and state in ('PAID', 'DUPLICATE')""")
                .bind("refundNo", refundNo).bind("order", orderId).bind("ids", insuredIds.toArray(UUID[]::new))
                .fetch().rowsUpdated();
    }

    /**
     * The refund's people are refunded: no longer paid for by this order. A whole-order refund covers everyone the
     * order still held (refunds recorded before people were linked to refunds name no one).
     */
    Mono<Void> markRefunded(UUID orderId, String refundNo, boolean wholeOrder) {
        return database.sql("""
                        update payment_item set state = 'REFUNDED', refund_no = :refundNo
                        where order_id = :order and state in ('PAID', 'DUPLICATE')
                          and (refund_no = :refundNo or (:whole and refund_no is null))""")
                .bind("refundNo", refundNo).bind("order", orderId).bind("whole", wholeOrder)
                .then();
    }

    Mono<PaymentOrder> findByOrderNo(String orderNo) {
        return database.sql("select " + ORDER_COLUMNS + " from payment_order where order_no = :no").bind("no", orderNo)
                .map(PaymentRepository::order).one();
    }

    Flux<PaymentOrder> findByOrderNos(Collection<String> orderNos) {
        return database.sql("select " + ORDER_COLUMNS + " from payment_order where order_no = any(:nos)")
                .bind("nos", orderNos.toArray(String[]::new))
                .map(PaymentRepository::order).all();
    }

    /** The channel's orders we count as paid that were paid in [from, to): what its bill of the day should list. */
    Flux<PaymentOrder> paidOn(PaymentChannelId channel, Instant from, Instant to) {
        return database.sql("select " + ORDER_COLUMNS + " from payment_order where channel = :channel"
                        + " and paid_at >= :from and paid_at < :to"
                        + " and status in ('PAID', 'REFUNDING', 'REFUNDED', 'REFUND_FAILED')")
                .bind("channel", channel.name()).bind("from", from).bind("to", to)
                .map(PaymentRepository::order).all();
    }

    Flux<PaymentOrder> ofPayer(UUID payerId, Integer year) {
        return database.sql("select " + ORDER_COLUMNS + " from payment_order where payer_id = :payer"
                        + (year == null ? "" : " and benefit_year = :year") + " order by created_at desc")
                .bind("payer", payerId)
                .bindValues(year == null ? java.util.Map.of() : java.util.Map.of("year", year))
                .map(PaymentRepository::order).all();
    }

    Mono<PaymentItem> itemByReceipt(UUID receiptId) {
        return database.sql("select * from payment_item where receipt_id = :id").bind("id", receiptId)
                .map(PaymentRepository::item).one();
    }

    /** Who is paid for (state PAID) among these people for the year, with the paying order's id. */
    /** A person's open or paid item of a year, with the time its order was paid (one query for coverage). */
    record ContributionItem(ItemState state, long amountFen, Instant paidAt) {
    }

    Flux<ContributionItem> contributionItems(UUID insuredId, int year) {
        return database.sql("""
                        select i.state, i.amount_fen, o.paid_at from payment_item i join payment_order o on o.id = i.order_id
                        where i.insured_id = :id and i.benefit_year = :year and i.state in ('OPEN', 'PAID')""")
                .bind("id", insuredId).bind("year", year)
                .map(row -> new ContributionItem(ItemState.valueOf(row.get("state", String.class)),
                        row.get("amount_fen", Long.class), row.get("paid_at", Instant.class)))
                .all();
    }

    Flux<PaymentItem> paidItems(Collection<UUID> insuredIds, int year) {
        return database.sql("select * from payment_item where insured_id = any(:ids) and benefit_year = :year and state = 'PAID'")
                .bind("ids", insuredIds.toArray(UUID[]::new)).bind("year", year)
                .map(PaymentRepository::item).all();
    }

    /**
     * These people's open, paid and refunded items of the year, each with its order's payment time and, for a refund,
     * its reason and when it was asked for and done: what "我的缴费" says about each person, in one query.
     */
    record StandingItem(UUID insuredId, UUID orderId, UUID payerId, ItemState state, long amountFen, String receiptNo,
                        Instant paidAt, String refundReason, Instant refundedAt, String refundStatus) {
    }

    Flux<StandingItem> standingItems(Collection<UUID> insuredIds, int year) {
        return database.sql("""
                        select i.insured_id, i.order_id, o.payer_id, i.state, i.amount_fen, i.receipt_no, o.paid_at,
                               r.reason as refund_reason, r.updated_at as refunded_at, r.status as refund_status
                        from payment_item i join payment_order o on o.id = i.order_id
                             left join payment_refund r on r.refund_no = i.refund_no
                        where i.insured_id = any(:ids) and i.benefit_year = :year
                          and i.state in ('OPEN', 'PAID', 'REFUNDED')""")
                .bind("ids", insuredIds.toArray(UUID[]::new)).bind("year", year)
                .map(row -> new StandingItem(row.get("insured_id", UUID.class), row.get("order_id", UUID.class),
                        row.get("payer_id", UUID.class), ItemState.valueOf(row.get("state", String.class)), row.get("amount_fen", Long.class),
                        row.get("receipt_no", String.class), row.get("paid_at", Instant.class),
                        row.get("refund_reason", String.class), row.get("refunded_at", Instant.class),
                        row.get("refund_status", String.class)))
                .all();
    }

    /** Orders a channel contradicted (other merchant, other amount): for an operator to look at. */
    Flux<PaymentOrder> flagged(List<String> regions, int limit) {
        return database.sql("select " + ORDER_COLUMNS + " from payment_order where review_reason is not null"
                        + " and region = any(:regions) order by updated_at desc limit :limit")
                .bind("regions", regions.toArray(String[]::new)).bind("limit", limit)
                .map(PaymentRepository::order).all();
    }

    /** The items of several orders in one query. */
    Flux<PaymentItem> itemsOfOrders(Collection<UUID> orderIds) {
        return database.sql("select * from payment_item where order_id = any(:orders) order by order_id, insured_id")
                .bind("orders", orderIds.toArray(UUID[]::new)).map(PaymentRepository::item).all();
    }

    Flux<PaymentItem> items(UUID orderId) {
        return database.sql("select * from payment_item where order_id = :order order by insured_id")
                .bind("order", orderId).map(PaymentRepository::item).all();
    }

    /** Items for these people and year that are open or paid (the ones that block a new order). */
    Flux<PaymentItem> blockingItems(Collection<UUID> insuredIds, int year) {
        return database.sql("""
                        select * from payment_item
                        where insured_id = any(:ids) and benefit_year = :year and state in ('OPEN', 'PAID')""")
                .bind("ids", insuredIds.toArray(UUID[]::new)).bind("year", year)
                .map(PaymentRepository::item).all();
    }

    /**
     * Moves an order along one edge, the only way an order's status changes: the status graph first (an edge it does
     * not have is refused with {@link PaymentTransitions.Forbidden} and nothing is written), then the update if
     * nobody else moved the order first (optimistic locking on version and status), then the change's event and its
     * audit row. False when the order was no longer where the caller saw it.
     */
    Mono<Boolean> transition(PaymentOrder order, StatusChange change, Instant now) {
        PaymentStatus to = change.to();
        return Mono.fromRunnable(() -> PaymentTransitions.require(order.status(), to))
                .then(database.sql("""
                                update payment_order set status = :to, version = version + 1, updated_at = :now,
                                       transaction_id = coalesce(:transactionId, transaction_id),
                                       pay_url = coalesce(:payUrl, pay_url),
                                       paid_at = case when :to = 'PAID' then :now else paid_at end
                                where id = :id and version = :version and status = :from""")
                        .bind("to", to.name()).bind("now", now)
                        .bind("transactionId", Parameter.fromOrEmpty(change.transactionId(), String.class))
                        .bind("payUrl", Parameter.fromOrEmpty(change.payUrl(), String.class))
                        .bind("id", order.id()).bind("version", order.version()).bind("from", order.status().name())
                        .fetch().rowsUpdated())
                .flatMap(rows -> rows == 1
                        ? event(order.id(), order.status(), to, change.cause(), change.detail(), now)
                                .then(audit.statusChanged(order, to, change.cause(), change.detail(), change.actor()))
                                .thenReturn(true)
                        : Mono.just(false));
    }

    /** The first event of a new order (it has no edge: it starts at CREATED) and its audit row. */
    Mono<Void> placed(PaymentOrder order, String detail, Instant now, PaymentActor actor) {
        return event(order.id(), null, PaymentStatus.CREATED, TransitionCause.ORDER_PLACED, detail, now)
                .then(audit.placed(order, detail, actor));
    }

    private Mono<Void> event(UUID orderId, PaymentStatus from, PaymentStatus to, TransitionCause cause, String detail,
                     Instant now) {
        return database.sql("""
                        insert into payment_event (order_id, from_status, to_status, cause, detail, occurred_at)
                        values (:order, :from, :to, :cause, :detail, :now)""")
                .bind("order", orderId).bind("from", Parameter.fromOrEmpty(from == null ? null : from.name(), String.class))
                .bind("to", to.name()).bind("cause", cause.name())
                .bind("detail", Parameter.fromOrEmpty(detail, String.class)).bind("now", now)
                .then();
    }

    Flux<PaymentEvent> events(UUID orderId) {
        return database.sql("select * from payment_event where order_id = :order order by id").bind("order", orderId)
                .map(row -> new PaymentEvent(row.get("occurred_at", Instant.class), row.get("from_status", String.class),
                        row.get("to_status", String.class), row.get("cause", String.class),
                        row.get("detail", String.class)))
                .all();
    }

    Mono<Void> setItemStates(UUID orderId, ItemState from, ItemState to) {
        return database.sql("update payment_item set state = :to where order_id = :order and state = :from")
                .bind("order", orderId).bind("from", from.name()).bind("to", to.name()).then();
    }

    /**
     * Marks one person paid by this order, unless another order already paid for them that year: then the item is a
     * duplicate (to be refunded). Answers the state it got.
     */
    Mono<ItemState> settleItem(PaymentItem item, String receiptNo) {
        return database.sql("""
                        update payment_item set state = 'PAID', receipt_no = :receiptNo, receipt_id = :receiptId
                        where order_id = :order and insured_id = :insured
                          and not exists (select 1 from payment_item other
                                          where other.insured_id = :insured and other.benefit_year = :year
                                            and other.state = 'PAID' and other.order_id <> :order)""")
                .bind("order", item.orderId()).bind("insured", item.insuredId()).bind("year", item.benefitYear())
                .bind("receiptNo", receiptNo).bind("receiptId", UUID.randomUUID())
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? Mono.just(ItemState.PAID)
                        : database.sql("update payment_item set state = 'DUPLICATE' where order_id = :order and insured_id = :insured")
                                .bind("order", item.orderId()).bind("insured", item.insuredId())
                                .then().thenReturn(ItemState.DUPLICATE));
    }

    /** Puts the order up for review: {@code recorded} is the record (Chinese), {@code why} what pages say. */
    Mono<Void> flagForReview(UUID orderId, Phrase why, String recorded, Instant now) {
        return database.sql("""
                        update payment_order set review_reason = :reason, review_phrase = :phrase, updated_at = :now
                        where id = :id""")
                .bind("id", orderId).bind("reason", recorded).bind("phrase", PhraseRecords.write(why))
                .bind("now", now).then();
    }

    Mono<Void> recordNotification(PaymentChannelId channel, String orderNo, boolean genuine, String outcome,
                                  String detail, Instant now) {
        return database.sql("""
                        insert into payment_notification (channel, order_no, genuine, outcome, detail, received_at)
                        values (:channel, :orderNo, :genuine, :outcome, :detail, :now)""")
                .bind("channel", channel.name()).bind("orderNo", Parameter.fromOrEmpty(orderNo, String.class))
                .bind("genuine", genuine).bind("outcome", outcome)
                .bind("detail", Parameter.fromOrEmpty(detail, String.class)).bind("now", now)
                .then();
    }

    /**
     * Leases open orders that are due for a look at the channel: created before {@code cutoff}, or "in the future"
     * (the sandbox clock restarts at its start date). {@code skip locked} and the lease keep two instances apart.
     */
    Flux<UUID> leaseForSweep(Instant cutoff, Instant now, Instant leaseUntil, Instant realNow, int limit) {
        return database.sql("""
                        update payment_order set sweep_lease_until = :leaseUntil
                        where id in (select id from payment_order
                                     where status in ('CREATED', 'AWAITING_PAYMENT')
                                       and (created_at <= :cutoff or created_at > :now)
                                       and (sweep_lease_until is null or sweep_lease_until < :realNow)
                                     order by created_at limit :limit
                                     for update skip locked)
                        returning id""")
                .bind("cutoff", cutoff).bind("now", now).bind("leaseUntil", leaseUntil).bind("realNow", realNow)
                .bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    /**
     * Orders with refunds asked for but not answered (the app stopped in between): due to be asked again, under a
     * lease. Asking for a refund updates its order's {@code updated_at}, whether or not the order's status changes.
     */
    Flux<UUID> leaseRefundsForRetry(Instant cutoff, Instant now, Instant leaseUntil, Instant realNow, int limit) {
        return database.sql("""
                        update payment_order set sweep_lease_until = :leaseUntil
                        where id in (select id from payment_order o
                                     where exists (select 1 from payment_refund r
                                                   where r.order_id = o.id and r.status = 'REQUESTED')
                                       and (updated_at <= :cutoff or updated_at > :now)
                                       and (sweep_lease_until is null or sweep_lease_until < :realNow)
                                     order by updated_at limit :limit
                                     for update skip locked)
                        returning id""")
                .bind("cutoff", cutoff).bind("now", now).bind("leaseUntil", leaseUntil).bind("realNow", realNow)
                .bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    static PaymentOrder order(Readable row) {
        return new PaymentOrder(row.get("id", UUID.class), row.get("order_no", String.class),
                row.get("payer_id", UUID.class), row.get("benefit_year", Integer.class),
                PaymentChannelId.valueOf(row.get("channel", String.class)), row.get("amount_fen", Long.class),
                PaymentStatus.valueOf(row.get("status", String.class)), row.get("version", Integer.class),
                row.get("transaction_id", String.class), row.get("pay_url", String.class),
                row.get("created_at", Instant.class), row.get("expires_at", Instant.class),
                row.get("paid_at", Instant.class),
                PhraseRecords.read(row.get("review_phrase", String.class), row.get("review_reason", String.class)),
                row.get("region", String.class));
    }

    static PaymentItem item(Readable row) {
        return new PaymentItem(row.get("order_id", UUID.class), row.get("insured_id", UUID.class),
                row.get("benefit_year", Integer.class), row.get("amount_fen", Long.class),
                row.get("standard_fen", Long.class), row.get("assistance_fen", Long.class),
                row.get("grade", Integer.class), row.get("citation", String.class),
                ItemState.valueOf(row.get("state", String.class)), row.get("receipt_no", String.class),
                row.get("receipt_id", UUID.class), row.get("refund_no", String.class));
    }
}
