package cn.yibao.portal.payment;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.identity.StaffAccess;
import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.payment.channel.BillFormatException;
import cn.yibao.portal.payment.channel.PaymentChannel;
import cn.yibao.portal.payment.domain.BillLine;
import cn.yibao.portal.payment.domain.ChannelOutcome;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.payment.domain.Reconciliation;
import cn.yibao.portal.payment.domain.TransitionCause;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.PhraseRecords;
import cn.yibao.portal.text.Phrases;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imports a channel's daily bill and reports every mismatch of the importing operator's region. A bill is a file, not
 * the channel's word: each line that contradicts the portal is checked by asking the channel about the order
 * ({@link Reconciliation#resolve}). Money the channel confirms it took is then settled with the channel's own record
 * (as a late payment, which also refunds people paid twice); an order the channel does not confirm is flagged for a
 * person, and nothing about it changes. Orders of other regions are left to their operators and only counted.
 * Importing the same bill again in the same region gives the same report.
 */
@Service
public class Reconciling {

    private static final Logger log = LoggerFactory.getLogger(Reconciling.class);
    private static final EnumSet<PaymentStatus> COUNTED_AS_PAID = EnumSet.of(PaymentStatus.PAID,
            PaymentStatus.REFUNDING, PaymentStatus.REFUNDED, PaymentStatus.REFUND_FAILED);

    /**
     * {@code otherRegions}: mismatches about orders outside the operator's region, left alone. {@code error}: why the
     * bill was refused (null when it was read), for the page or the API to say in the operator's language.
     */
    public record Report(UUID runId, PaymentChannelId channel, LocalDate billDate, int lines,
                         List<MismatchRow> mismatches, int otherRegions, Phrase error) {

        static Report refused(PaymentChannelId channel, LocalDate day, Phrase error) {
            return new Report(null, channel, day, 0, List.of(), 0, error);
        }
    }

    /** A difference between the bill and the portal, and what was done about it (said on pages, kept in Chinese). */
    public record MismatchRow(String kind, String orderNo, Long channelFen, Long ourFen, Phrase resolution) {
    }

    private final PaymentChannels channels;
    private final PaymentRepository payments;
    private final SettlingPayments settling;
    private final DatabaseClient database;
    private final BusinessClock clock;
    private final StaffAccess access;
    private final Phrases phrases;

    Reconciling(PaymentChannels channels, PaymentRepository payments, SettlingPayments settling,
                DatabaseClient database, BusinessClock clock, StaffAccess access, Phrases phrases) {
        this.phrases = phrases;
        this.channels = channels;
        this.payments = payments;
        this.settling = settling;
        this.database = database;
        this.clock = clock;
        this.access = access;
    }

    public Mono<Report> importBill(PaymentChannelId channelId, LocalDate day, byte[] bill, StaffIdentity operator,
                                   RequestOrigin origin) {
        Optional<PaymentChannel> channel = channels.get(channelId);
        if (channel.isEmpty()) {
            return Mono.just(Report.refused(channelId, day, Phrase.of("reconcile.channelOff")));
        }
        List<BillLine> lines;
        try {
            lines = channel.get().parseBill(bill);
        } catch (BillFormatException e) {
            return Mono.just(Report.refused(channelId, day, e.phrase()));
        }
        byte[] hash = sha256(bill);
        return existingRun(channelId, day, hash, operator.regionCode())
                .flatMap(run -> report(run, channelId, day, lines.size()))
                .switchIfEmpty(Mono.defer(() -> reconcile(channel.get(), day, lines, hash, operator,
                        PaymentActor.staff(operator.staffId(), origin))));
    }

    /** A mismatch about one of our orders (null for an order we never issued). */
    private record Found(Reconciliation.Mismatch mismatch, PaymentOrder order) {
    }

    private Mono<Report> reconcile(PaymentChannel channel, LocalDate day, List<BillLine> lines, byte[] hash,
                                   StaffIdentity operator, PaymentActor importedBy) {
        List<String> orderNos = lines.stream().map(BillLine::orderNo).distinct().toList();
        Instant from = day.atStartOfDay(clock.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(clock.zone()).toInstant();
        Mono<Map<String, PaymentOrder>> named = payments.findByOrderNos(orderNos).collectMap(PaymentOrder::orderNo);
        Mono<List<PaymentOrder>> paidHere = payments.paidOn(channel.id(), from, to).collectList();
        UUID runId = UUID.randomUUID();
        return InTurn.zip(named, paidHere).flatMap(both -> {
            Map<String, PaymentOrder> orders = new java.util.HashMap<>(both.getT1());
            both.getT2().forEach(order -> orders.putIfAbsent(order.orderNo(), order));
            List<Reconciliation.Mismatch> mismatches = Reconciliation.compare(lines,
                    both.getT1().values().stream().collect(Collectors.toMap(PaymentOrder::orderNo, Reconciling::ours)),
                    both.getT2().stream().map(Reconciling::ours).toList());
            List<Found> found = mismatches.stream().map(m -> new Found(m, orders.get(m.orderNo()))).toList();
            List<Found> ours = found.stream()
                    .filter(f -> f.order() == null || access.covers(operator, f.order().regionCode())).toList();
            int otherRegions = found.size() - ours.size();
            return database.sql("""
                            insert into reconciliation_run (id, channel, bill_date, bill_hash, lines, imported_by,
                                                            imported_at, region, other_regions)
                            values (:id, :channel, :day, :hash, :lines, :by, :now, :region, :others)""")
                    .bind("id", runId).bind("channel", channel.id().name()).bind("day", day).bind("hash", hash)
                    .bind("lines", lines.size()).bind("by", importedBy.id()).bind("now", clock.now())
                    .bind("region", operator.regionCode()).bind("others", otherRegions)
                    .then()
                    // One mismatch after the other: the channel is asked with no connection held.
                    .thenMany(Flux.fromIterable(ours).concatMap(f -> resolve(channel, f, importedBy)
                            .flatMap(resolution -> store(runId, f.mismatch(), resolution))))
                    .then(report(new Run(runId, channel.id(), day, lines.size(), otherRegions), channel.id(), day,
                            lines.size()));
        });
    }

    private static Reconciliation.OurOrder ours(PaymentOrder order) {
        return new Reconciliation.OurOrder(order.orderNo(), order.amountFen(), COUNTED_AS_PAID.contains(order.status()));
    }

    /** Asks the channel about the order, then settles, notes or flags as {@link Reconciliation#resolve} says. */
    private Mono<Phrase> resolve(PaymentChannel channel, Found found, PaymentActor importedBy) {
        if (found.order() == null) {
            return Mono.just(Reconciliation.resolve(found.mismatch(), null).note());
        }
        PaymentOrder order = found.order();
        return channel.query(order.orderNo())
                .onErrorResume(e -> {
                    log.warn("Reconciliation: asking {} about {} failed: {}", channel.id(), order.orderNo(), e.toString());
                    return Mono.empty();
                })
                .map(answer -> Reconciliation.resolve(found.mismatch(), answer))
                .defaultIfEmpty(Reconciliation.resolve(found.mismatch(), null))
                .flatMap(resolution -> {
                    if (resolution instanceof Reconciliation.Settle settle) {
                        return settling.apply(channel.merchantId(), order.orderNo(), settle.transactionId(),
                                        settle.amountFen(), ChannelOutcome.PAID, TransitionCause.RECONCILIATION, importedBy)
                                .map(effect -> effect == SettlingPayments.Effect.MOVED ? settle.note()
                                        : Phrase.of("reconcile.settle.failed", effect.name()));
                    }
                    if (resolution instanceof Reconciliation.Flag flag) {
                        return settling.flag(order, Phrase.of("reconcile.flag", channel.id().name(), flag.why()),
                                        importedBy)
                                .thenReturn(flag.note());
                    }
                    return Mono.just(resolution.note());
                });
    }

    private Mono<Void> store(UUID runId, Reconciliation.Mismatch mismatch, Phrase resolution) {
        return database.sql("""
                        insert into reconciliation_mismatch (run_id, kind, order_no, channel_fen, our_fen, resolution,
                                                             resolution_phrase)
                        values (:run, :kind, :orderNo, :channelFen, :ourFen, :resolution, :phrase)""")
                .bind("run", runId).bind("kind", mismatch.kind().name()).bind("orderNo", mismatch.orderNo())
                .bind("channelFen", Parameter.fromOrEmpty(mismatch.channelFen(), Long.class))
                .bind("ourFen", Parameter.fromOrEmpty(mismatch.ourFen(), Long.class))
                .bind("resolution", phrases.record(resolution)).bind("phrase", PhraseRecords.write(resolution))
                .then();
    }

    private Mono<Run> existingRun(PaymentChannelId channel, LocalDate day, byte[] hash, String region) {
        return database.sql("""
                        select id, channel, bill_date, lines, other_regions from reconciliation_run
                        where channel = :channel and bill_date = :day and bill_hash = :hash and region = :region""")
                .bind("channel", channel.name()).bind("day", day).bind("hash", hash).bind("region", region)
                .map(Reconciling::run).one();
    }

    private Mono<Report> report(Run run, PaymentChannelId channel, LocalDate day, int lines) {
        return mismatchesOf(List.of(run.id()))
                .map(rows -> new Report(run.id(), channel, day, lines, rows.getOrDefault(run.id(), List.of()),
                        run.otherRegions(), null));
    }

    /** The mismatches of several runs in one query, by run. */
    private Mono<Map<UUID, List<MismatchRow>>> mismatchesOf(List<UUID> runIds) {
        return database.sql("select * from reconciliation_mismatch where run_id = any(:runs) order by id")
                .bind("runs", runIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("run_id", UUID.class), new MismatchRow(row.get("kind", String.class),
                        row.get("order_no", String.class), row.get("channel_fen", Long.class),
                        row.get("our_fen", Long.class), PhraseRecords.read(row.get("resolution_phrase", String.class),
                        row.get("resolution", String.class)))))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private record Run(UUID id, PaymentChannelId channel, LocalDate day, int lines, int otherRegions) {
    }

    private static Run run(io.r2dbc.spi.Readable row) {
        return new Run(row.get("id", UUID.class), PaymentChannelId.valueOf(row.get("channel", String.class)),
                row.get("bill_date", LocalDate.class), row.get("lines", Integer.class),
                row.get("other_regions", Integer.class));
    }

    /** Recent imports by operators of these regions, newest first, for the operator page: two queries however many. */
    public Flux<Report> recent(List<String> regions, int limit) {
        return database.sql("""
                        select id, channel, bill_date, lines, other_regions from reconciliation_run
                        where region = any(:regions) order by imported_at desc limit :limit""")
                .bind("regions", regions.toArray(String[]::new)).bind("limit", limit)
                .map(Reconciling::run)
                .all().collectList()
                .flatMapMany(runs -> runs.isEmpty() ? Flux.empty()
                        : mismatchesOf(runs.stream().map(Run::id).toList()).flatMapIterable(mismatches -> runs.stream()
                                .map(run -> new Report(run.id(), run.channel(), run.day(), run.lines(),
                                        mismatches.getOrDefault(run.id(), List.of()), run.otherRegions(), null))
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
