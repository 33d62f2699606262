package cn.yibao.portal.payment.channel.sandbox;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The sandbox channel's own tables: its payments, refunds and notification outbox. */
@Repository
class SandboxBooks {

    record SandboxPayment(String orderNo, String merchantId, long amountFen, String description, String status,
                          String transactionId, String returnUrl, Instant createdAt, Instant expiresAt,
                          Instant paidAt) {
    }

    record Outgoing(long id, String orderNo, String body, int attempts) {
    }

    record BillRow(Instant at, String orderNo, String transactionId, String kind, long amountFen, String refundNo) {
    }

    private final DatabaseClient database;

    SandboxBooks(DatabaseClient database) {
        this.database = database;
    }

    /** Opening the same order twice keeps the first opening (the channel de-duplicates on our order number). */
    Mono<Void> open(String orderNo, String merchantId, long amountFen, String description, String returnUrl,
                    Instant now, Instant expiresAt) {
        return database.sql("""
                        insert into sandbox_payment (order_no, merchant_id, amount_fen, description, status, return_url,
                                                     created_at, expires_at)
                        values (:orderNo, :merchantId, :amountFen, :description, 'PENDING', :returnUrl, :now, :expiresAt)
                        on conflict (order_no) do nothing""")
                .bind("orderNo", orderNo).bind("merchantId", merchantId).bind("amountFen", amountFen)
                .bind("description", description)
                .bind("returnUrl", Parameter.fromOrEmpty(returnUrl, String.class))
                .bind("now", now).bind("expiresAt", expiresAt)
                .then();
    }

    Mono<SandboxPayment> find(String orderNo) {
        return database.sql("select * from sandbox_payment where order_no = :orderNo")
                .bind("orderNo", orderNo)
                .map(SandboxBooks::payment)
                .one();
    }

    /** PENDING → PAID once; true when this call paid it. */
    Mono<Boolean> markPaid(String orderNo, String transactionId, Instant now) {
        return database.sql("""
                        update sandbox_payment set status = 'PAID', transaction_id = :transactionId, paid_at = :now
                        where order_no = :orderNo and status = 'PENDING'""")
                .bind("orderNo", orderNo).bind("transactionId", transactionId).bind("now", now)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** PENDING → CANCELLED (payer) or CLOSED (merchant); true when this call changed it. */
    Mono<Boolean> end(String orderNo, String status) {
        return database.sql("update sandbox_payment set status = :status where order_no = :orderNo and status = 'PENDING'")
                .bind("orderNo", orderNo).bind("status", status)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /**
     * Records a refund once per refund number, if the payment still has that much left to refund (several partial
     * refunds may follow one another); answers the refund id, new or already given, or empty when there is no room.
     */
    Mono<String> refund(String refundNo, String orderNo, String refundId, long amountFen, Instant now) {
        return database.sql("""
                        with added as (
                            insert into sandbox_refund (refund_no, order_no, refund_id, amount_fen, created_at)
                            select :refundNo, :orderNo, :refundId, :amountFen, :now
                            where exists (select 1 from sandbox_payment
                                          where order_no = :orderNo and refunded_fen + :amountFen <= amount_fen)
                            on conflict (refund_no) do nothing
                            returning order_no, amount_fen)
                        update sandbox_payment p set refunded_fen = p.refunded_fen + added.amount_fen
                        from added where p.order_no = added.order_no""")
                .bind("refundNo", refundNo).bind("orderNo", orderNo).bind("refundId", refundId)
                .bind("amountFen", amountFen).bind("now", now)
                .then()
                .then(database.sql("select refund_id from sandbox_refund where refund_no = :refundNo")
                        .bind("refundNo", refundNo).map(row -> row.get("refund_id", String.class)).one());
    }

    Mono<Void> enqueue(String orderNo, String body, Instant dueAt) {
        return database.sql("insert into sandbox_notification (order_no, body, due_at) values (:orderNo, :body, :dueAt)")
                .bind("orderNo", orderNo).bind("body", body).bind("dueAt", dueAt)
                .then();
    }

    /**
     * Takes due notifications for a while: their due time moves to {@code leaseUntil}, so another instance does not
     * send them meanwhile ({@code skip locked} keeps two from taking the same row at once), and one whose sender died
     * comes due again. One statement, committed before anything is sent: no row stays locked across the HTTP call.
     */
    Flux<Outgoing> lease(Instant now, Instant leaseUntil, int limit) {
        return database.sql("""
                        update sandbox_notification set due_at = :leaseUntil
                        where id in (select id from sandbox_notification
                                     where delivered_at is null and due_at <= :now
                                     order by due_at limit :limit
                                     for update skip locked)
                        returning id, order_no, body, attempts""")
                .bind("now", now).bind("leaseUntil", leaseUntil).bind("limit", limit)
                .map(row -> new Outgoing(row.get("id", Long.class), row.get("order_no", String.class),
                        row.get("body", String.class), row.get("attempts", Integer.class)))
                .all();
    }

    Mono<Void> delivered(long id, Instant now) {
        return database.sql("update sandbox_notification set delivered_at = :now, attempts = attempts + 1 where id = :id")
                .bind("id", id).bind("now", now).then();
    }

    Mono<Void> retryLater(long id, Instant dueAt) {
        return database.sql("update sandbox_notification set due_at = :dueAt, attempts = attempts + 1 where id = :id")
                .bind("id", id).bind("dueAt", dueAt).then();
    }

    /** Payments and refunds made on one day (in the channel's time zone), oldest first. */
    Flux<BillRow> bill(LocalDate day, ZoneId zone) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return database.sql("""
                        select paid_at as at, order_no, transaction_id, 'PAYMENT' as kind, amount_fen, null as refund_no
                        from sandbox_payment where paid_at >= :from and paid_at < :to
                        union all
                        select r.created_at, r.order_no, p.transaction_id, 'REFUND', r.amount_fen, r.refund_no
                        from sandbox_refund r join sandbox_payment p on p.order_no = r.order_no
                        where r.created_at >= :from and r.created_at < :to
                        order by 1, 2""")
                .bind("from", from).bind("to", to)
                .map(row -> new BillRow(instant(row, "at"), row.get("order_no", String.class),
                        row.get("transaction_id", String.class), row.get("kind", String.class),
                        row.get("amount_fen", Long.class), row.get("refund_no", String.class)))
                .all();
    }

    private static SandboxPayment payment(Readable row) {
        return new SandboxPayment(row.get("order_no", String.class), row.get("merchant_id", String.class),
                row.get("amount_fen", Long.class), row.get("description", String.class),
                row.get("status", String.class), row.get("transaction_id", String.class),
                row.get("return_url", String.class), instant(row, "created_at"), instant(row, "expires_at"),
                instant(row, "paid_at"));
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, Instant.class);
    }
}
