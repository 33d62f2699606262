package cn.yibao.portal.payment;

import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.payment.channel.BillFormatException;
import cn.yibao.portal.payment.channel.PaymentChannel;
import cn.yibao.portal.payment.domain.BillLine;
import cn.yibao.portal.payment.domain.ChannelOutcome;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.payment.domain.Reconciliation;
import cn.yibao.portal.payment.domain.TransitionCause;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imports a channel's daily bill and reports every mismatch. Money the channel took for an order we do not count
 * as paid is settled here (as a late payment), which also refunds people paid twice; other mismatches are stored
 * for an operator. Importing the same bill again gives the same report.
 */
@Service
public class Reconciling {

    private static final EnumSet<PaymentStatus> COUNTED_AS_PAID = EnumSet.of(PaymentStatus.PAID,
            PaymentStatus.REFUNDING, PaymentStatus.REFUNDED, PaymentStatus.REFUND_FAILED);

    public record Report(UUID runId, PaymentChannelId channel, LocalDate billDate, int lines,
                         List<MismatchRow> mismatches, String error) {
    }

    public record MismatchRow(String kind, String orderNo, Long channelFen, Long ourFen, String resolution) {
    }

    private final PaymentChannels channels;
    private final PaymentRepository payments;
    private final SettlingPayments settling;
    private final DatabaseClient database;
    private final BusinessClock clock;

    Reconciling(PaymentChannels channels, PaymentRepository payments, SettlingPayments settling,
                DatabaseClient database, BusinessClock clock) {
        this.channels = channels;
        this.payments = payments;
        this.settling = settling;
        this.database = database;
        this.clock = clock;
    }

    public Mono<Report> importBill(PaymentChannelId channelId, LocalDate day, byte[] bill, PaymentActor importedBy) {
        Optional<PaymentChannel> channel = channels.get(channelId);
        if (channel.isEmpty()) {
            return Mono.just(new Report(null, channelId, day, 0, List.of(), "该支付渠道未开通。"));
        }
        List<BillLine> lines;
        try {
            lines = channel.get().parseBill(bill);
        } catch (BillFormatException e) {
            return Mono.just(new Report(null, channelId, day, 0, List.of(), e.getMessage()));
        }
        byte[] hash = sha256(bill);
        return existingRun(channelId, day, hash)
                .flatMap(runId -> report(runId, channelId, day, lines.size()))
                .switchIfEmpty(Mono.defer(() -> reconcile(channel.get(), day, lines, hash, importedBy)));
    }

    private Mono<Report> reconcile(PaymentChannel channel, LocalDate day, List<BillLine> lines, byte[] hash,
                                   PaymentActor importedBy) {
        List<String> orderNos = lines.stream().map(BillLine::orderNo).distinct().toList();
        Instant from = day.atStartOfDay(clock.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(clock.zone()).toInstant();
        Mono<Map<String, Reconciliation.OurOrder>> ours = payments.findByOrderNos(orderNos)
                .collectMap(order -> order.orderNo(), order -> new Reconciliation.OurOrder(order.orderNo(),
                        order.amountFen(), COUNTED_AS_PAID.contains(order.status())));
        Mono<List<Reconciliation.OurOrder>> paidHere = database.sql("""
                        select order_no, amount_fen from payment_order
                        where channel = :channel and paid_at >= :from and paid_at < :to
                          and status in ('PAID', 'REFUNDING', 'REFUNDED', 'REFUND_FAILED')""")
                .bind("channel", channel.id().name()).bind("from", from).bind("to", to)
                .map(row -> new Reconciliation.OurOrder(row.get("order_no", String.class),
                        row.get("amount_fen", Long.class), true))
                .all().collectList();
        UUID runId = UUID.randomUUID();
        return InTurn.zip(ours, paidHere)
                .map(both -> Reconciliation.compare(lines, both.getT1(), both.getT2()))
                .flatMap(mismatches -> database.sql("""
                                insert into reconciliation_run (id, channel, bill_date, bill_hash, lines, imported_by, imported_at)
                                values (:id, :channel, :day, :hash, :lines, :by, :now)""")
                        .bind("id", runId).bind("channel", channel.id().name()).bind("day", day).bind("hash", hash)
                        .bind("lines", lines.size()).bind("by", importedBy.id()).bind("now", clock.now())
                        .then()
                        .thenMany(Flux.fromIterable(mismatches).concatMap(mismatch -> resolve(channel, lines, mismatch,
                                        importedBy)
                                .flatMap(resolution -> store(runId, mismatch, resolution))))
                        .then())
                .then(report(runId, channel.id(), day, lines.size()));
    }

    /** Settles money the channel took; the rest waits for an operator. */
    private Mono<String> resolve(PaymentChannel channel, List<BillLine> lines, Reconciliation.Mismatch mismatch,
                                 PaymentActor importedBy) {
        if (mismatch.kind() != Reconciliation.Kind.PAID_AT_CHANNEL_ONLY) {
            return Mono.just("待人工核查");
        }
        BillLine line = lines.stream().filter(l -> l.orderNo().equals(mismatch.orderNo())
                && l.kind() == BillLine.Kind.PAYMENT).findFirst().orElseThrow();
        return settling.apply(channel.merchantId(), line.orderNo(), line.transactionId(), line.amountFen(),
                        ChannelOutcome.PAID, TransitionCause.RECONCILIATION, importedBy)
                .map(effect -> effect == SettlingPayments.Effect.MOVED ? "已按渠道账单补记为已支付" : "待人工核查：" + effect);
    }

    private Mono<Void> store(UUID runId, Reconciliation.Mismatch mismatch, String resolution) {
        return database.sql("""
                        insert into reconciliation_mismatch (run_id, kind, order_no, channel_fen, our_fen, resolution)
                        values (:run, :kind, :orderNo, :channelFen, :ourFen, :resolution)""")
                .bind("run", runId).bind("kind", mismatch.kind().name()).bind("orderNo", mismatch.orderNo())
                .bind("channelFen", Parameter.fromOrEmpty(mismatch.channelFen(), Long.class))
                .bind("ourFen", Parameter.fromOrEmpty(mismatch.ourFen(), Long.class))
                .bind("resolution", resolution)
                .then();
    }

    private Mono<UUID> existingRun(PaymentChannelId channel, LocalDate day, byte[] hash) {
        return database.sql("select id from reconciliation_run where channel = :channel and bill_date = :day and bill_hash = :hash")
                .bind("channel", channel.name()).bind("day", day).bind("hash", hash)
                .map(row -> row.get("id", UUID.class)).one();
    }

    private Mono<Report> report(UUID runId, PaymentChannelId channel, LocalDate day, int lines) {
        return mismatchesOf(List.of(runId))
                .map(rows -> new Report(runId, channel, day, lines, rows.getOrDefault(runId, List.of()), null));
    }

    /** The mismatches of several runs in one query, by run. */
    private Mono<Map<UUID, List<MismatchRow>>> mismatchesOf(List<UUID> runIds) {
        return database.sql("select * from reconciliation_mismatch where run_id = any(:runs) order by id")
                .bind("runs", runIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("run_id", UUID.class), new MismatchRow(row.get("kind", String.class),
                        row.get("order_no", String.class), row.get("channel_fen", Long.class),
                        row.get("our_fen", Long.class), row.get("resolution", String.class))))
                .all()
                .collect(java.util.stream.Collectors.groupingBy(Map.Entry::getKey,
                        java.util.stream.Collectors.mapping(Map.Entry::getValue, java.util.stream.Collectors.toList())));
    }

    private record Run(UUID id, PaymentChannelId channel, LocalDate day, int lines) {
    }

    /** Recent imports, newest first, for the operator page: two queries however many. */
    public Flux<Report> recent(int limit) {
        return database.sql("select id, channel, bill_date, lines from reconciliation_run order by imported_at desc limit :limit")
                .bind("limit", limit)
                .map(row -> new Run(row.get("id", UUID.class), PaymentChannelId.valueOf(row.get("channel", String.class)),
                        row.get("bill_date", LocalDate.class), row.get("lines", Integer.class)))
                .all().collectList()
                .flatMapMany(runs -> runs.isEmpty() ? Flux.empty()
                        : mismatchesOf(runs.stream().map(Run::id).toList()).flatMapIterable(mismatches -> runs.stream()
                                .map(run -> new Report(run.id(), run.channel(), run.day(), run.lines(),
                                        mismatches.getOrDefault(run.id(), List.of()), null))
                                .toList()));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
