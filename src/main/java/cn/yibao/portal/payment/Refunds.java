package cn.yibao.portal.payment;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.identity.StaffAccess;
import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.identity.api.StaffRole;
import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.payment.domain.RefundAnswer;
import cn.yibao.portal.payment.domain.RefundRequest;
import cn.yibao.portal.payment.domain.RefundRules;
import cn.yibao.portal.payment.domain.TransitionCause;
import cn.yibao.portal.resident.ResidentRegistry;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import cn.yibao.portal.text.Phrases;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refunds: by an operator with a reason, or automatically for people paid twice. Each refund is a record of its own
 * with a stable number (made once, reused on every retry, so the channel refunds once however often we ask) and its
 * own status; {@link RefundRules} decides what a refund covers. A refund of some of an order's people leaves the
 * order PAID and those people REFUNDED; a refund of everyone the order still holds money for takes the order
 * PAID → REFUNDING → REFUNDED.
 */
@Service
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    public enum Cause { OPERATOR, DUPLICATE }

    /**
     * {@code status}: REQUESTED, SUCCEEDED or FAILED. {@code wholeOrder}: the order's status follows this refund.
     * {@code updatedAt} is when the channel answered, once it has.
     */
    public record Refund(String refundNo, UUID orderId, long amountFen, Cause cause, String reason, String status,
                         boolean wholeOrder, Instant requestedAt, Instant updatedAt) {
    }

    public sealed interface Outcome {
    }

    /** The refund asked for (or already answered), and where the order stands now. */
    public record Requested(Refund refund, PaymentStatus orderStatus) implements Outcome {
    }

    /** What an operator is about to refund, before anything happens: whose money, how much, why, and where it goes. */
    public record Preview(PaymentOrder order, String refundNo, List<PreviewPerson> people, long amountFen,
                          boolean wholeOrder, boolean retry, String reason, RefundRules.Destination destination,
                          String confirmation) implements Outcome {
    }

    public record PreviewPerson(UUID insuredId, String maskedName, long amountFen) {
    }

    /** Why nothing was refunded, and what kind of no it is; the web layer says which HTTP status each kind is. */
    public enum Refusal { BAD_INPUT, OTHER_REGION, NO_SUCH_ORDER, NOT_NOW }

    public record NotPossible(Refusal kind, String field, Phrase message) implements Outcome {

        NotPossible(Phrase message) {
            this(Refusal.NOT_NOW, "orderNo", message);
        }
    }

    /** An operator asking for a refund: who they are (role and region) and the request behind it. */
    public record Operator(StaffIdentity staff, RequestOrigin origin) {

        PaymentActor actor() {
            return PaymentActor.staff(staff.staffId(), origin);
        }
    }

    static final Phrase CHANGED_SINCE_PREVIEW = Phrase.of("refund.refused.changed");

    private final PaymentRepository payments;
    private final PaymentChannels channels;
    private final PaymentAudit audit;
    private final BusinessClock clock;
    private final TransactionalOperator transaction;
    private final DatabaseClient database;
    private final StaffAccess access;
    private final ResidentRegistry residents;
    private final Phrases phrases;

    Refunds(PaymentRepository payments, PaymentChannels channels, PaymentAudit audit, BusinessClock clock,
            TransactionalOperator transaction, DatabaseClient database, StaffAccess access, ResidentRegistry residents,
            Phrases phrases) {
        this.phrases = phrases;
        this.payments = payments;
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
        this.transaction = transaction;
        this.database = database;
        this.access = access;
        this.residents = residents;
    }

    /**
     * After a payment: refunds the people in it who were already paid for by another order. The portal decides it,
     * within the request (a notification, a bill import…) that brought the payment, if any.
     */
    Mono<Outcome> refundDuplicatesOf(PaymentOrder order, RequestOrigin origin) {
        if (order.status() != PaymentStatus.PAID) {
            return Mono.empty();
        }
        return payments.items(order.id())
                .any(item -> item.state() == ItemState.DUPLICATE && item.refundNo() == null)
                .filter(Boolean::booleanValue)
                .flatMap(due -> refund(order.id(), true, phrases.record(Phrase.of("ops.refund.cause." + Cause.DUPLICATE)),
                        new PaymentActor(AuditEntry.ActorType.SYSTEM, "PORTAL", origin), null));
    }

    /**
     * The first step of an operator's refund: what would be refunded of the order (everything it still holds, or
     * the failed refund asked again), shown before anything happens, with the confirmation the second step needs.
     * Only a payment operator of the order's region gets one; the reason is required. Audited as a look at the
     * order, and refused attempts as failures.
     */
    public Mono<Outcome> preview(Operator operator, String orderNo, String reason) {
        return operatorsOrder(operator, orderNo, reason).flatMap(found -> {
            if (found instanceof NotPossible refused) {
                return Mono.just(refused);
            }
            PaymentOrder order = ((Found) found).order();
            return decide(order, false).flatMap(decision -> {
                if (decision instanceof RefundRules.Refused refused) {
                    return refusedFor(order, operator, reason, new NotPossible(refused.message()));
                }
                RefundRules.Planned planned = (RefundRules.Planned) decision;
                return residents.findAllById(planned.insuredIds()).flatMap(people -> payments.items(order.id())
                                .filter(item -> planned.insuredIds().contains(item.insuredId()))
                                .map(item -> new PreviewPerson(item.insuredId(), people.containsKey(item.insuredId())
                                        ? people.get(item.insuredId()).maskedName() : "", item.amountFen()))
                                .collectList())
                        .flatMap(shown -> audit.about(order, PaymentAudit.REFUND_PREVIEW, true,
                                        phrases.record(Phrase.of("payment.audit.refundPreview", planned.refundNo(),
                                                shown.size(), planned.amountFen(), new Verbatim(reason.strip()))),
                                        operator.actor())
                                .thenReturn((Outcome) new Preview(order, planned.refundNo(), shown, planned.amountFen(),
                                        planned instanceof RefundRules.Refund refund ? refund.wholeOrder()
                                                : order.status() == PaymentStatus.REFUND_FAILED,
                                        planned instanceof RefundRules.Retry, reason.strip(),
                                        RefundRules.destination(order.channel()),
                                        RefundRules.confirmation(order.orderNo(), planned, reason))));
            });
        });
    }

    /**
     * The second step: the refund the operator saw in the preview, confirmed with its confirmation. Decided again under
     * the order's lock; if it is no longer what the preview showed, nothing happens and the operator looks again.
     */
    public Mono<Outcome> confirm(Operator operator, String orderNo, String reason, String confirmation) {
        if (confirmation == null || confirmation.isBlank()) {
            // Bad input is said before anything is looked up, like a missing reason.
            return Mono.just(new NotPossible(Refusal.BAD_INPUT, "confirmation",
                    Phrase.of("refund.refused.twoSteps")));
        }
        return operatorsOrder(operator, orderNo, reason).flatMap(found -> {
            if (found instanceof NotPossible refused) {
                return Mono.just(refused);
            }
            PaymentOrder order = ((Found) found).order();
            return refund(order.id(), false, reason.strip(), operator.actor(), confirmation.strip())
                    .flatMap(outcome -> outcome instanceof NotPossible notPossible
                            ? refusedFor(order, operator, reason, notPossible)
                            : Mono.just(outcome));
        });
    }

    private record Found(PaymentOrder order) implements Outcome {
    }

    /** The order an operator names, if they may refund it: a reason given, the order there and of their region. */
    private Mono<Outcome> operatorsOrder(Operator operator, String orderNo, String reason) {
        Phrase problem = RefundRules.reasonProblem(reason);
        if (problem != null) {
            return Mono.just(new NotPossible(Refusal.BAD_INPUT, "reason", problem));
        }
        return payments.findByOrderNo(orderNo == null ? "" : orderNo.strip())
                .flatMap(order -> {
                    Optional<Phrase> refusal = access.refusal(operator.staff(), StaffRole.PAYMENT_OPERATOR,
                            order.regionCode());
                    return refusal.isEmpty() ? Mono.just((Outcome) new Found(order))
                            : refusedFor(order, operator, reason, new NotPossible(Refusal.OTHER_REGION, "orderNo",
                                    refusal.get()));
                })
                .defaultIfEmpty(new NotPossible(Refusal.NO_SUCH_ORDER, "orderNo", Phrase.of("refund.refused.noOrder.check")));
    }

    private Mono<Outcome> refusedFor(PaymentOrder order, Operator operator, String reason, NotPossible refused) {
        return audit.about(order, PaymentAudit.REFUND, false, phrases.record(Phrase.of("payment.audit.refundRefused",
                        new Verbatim(reason.strip()), refused.message())), operator.actor())
                .thenReturn(refused);
    }

    /** What a refund of the order would be now, from its people and its refunds so far. */
    private Mono<RefundRules.Decision> decide(PaymentOrder order, boolean duplicatesOnly) {
        return InTurn.zip(payments.items(order.id()).collectList(), ofOrder(order.id()).collectList())
                .map(both -> RefundRules.decide(order.orderNo(), order.status(),
                        both.getT1().stream().map(item -> new RefundRules.Person(item.insuredId(), item.state(),
                                item.refundNo(), item.amountFen())).toList(),
                        both.getT2().stream().map(refund -> new RefundRules.Existing(refund.refundNo(),
                                refund.status())).toList(),
                        duplicatesOnly));
    }

    /** What is prepared in the database before the channel is asked: the refund, or why there is none. */
    private record Prepared(PaymentOrder order, Refund refund, NotPossible refusal) {
    }

    /** @param confirmation what the operator confirmed (null for the portal's own refund of people paid twice) */
    private Mono<Outcome> refund(UUID orderId, boolean duplicatesOnly, String reason, PaymentActor actor,
                                 String confirmation) {
        Instant now = clock.now();
        Cause cause = duplicatesOnly ? Cause.DUPLICATE : Cause.OPERATOR;
        // The order's row lock makes refunds of one order one after the other: numbers and people are decided once.
        Mono<Prepared> prepare = payments.findForUpdate(orderId).flatMap(order -> decide(order, duplicatesOnly)
                .flatMap(decision -> {
                    if (decision instanceof RefundRules.Refused refused) {
                        return Mono.just(new Prepared(order, null, new NotPossible(refused.message())));
                    }
                    if (confirmation != null && !confirmation.equals(
                            RefundRules.confirmation(order.orderNo(), (RefundRules.Planned) decision, reason))) {
                        return Mono.just(new Prepared(order, null, new NotPossible(CHANGED_SINCE_PREVIEW)));
                    }
                    if (decision instanceof RefundRules.Retry retry) {
                        return reopen(order, retry.refundNo(), actor, now);
                    }
                    return start(order, (RefundRules.Refund) decision, cause, reason, actor, now);
                }));
        return transaction.transactional(prepare)
                .flatMap(prepared -> prepared.refund() == null
                        ? Mono.just((Outcome) prepared.refusal())
                        : callChannel(prepared.order(), prepared.refund(), actor))
                .switchIfEmpty(Mono.fromSupplier(() -> new NotPossible(Refusal.NO_SUCH_ORDER, "orderNo", Phrase.of("refund.refused.noOrder"))));
    }

    /** A new refund record, its people linked to it, and the order moved to REFUNDING when it is the whole order. */
    private Mono<Prepared> start(PaymentOrder order, RefundRules.Refund decided, Cause cause, String reason,
                                 PaymentActor actor, Instant now) {
        return database.sql("""
                        insert into payment_refund (refund_no, order_id, amount_fen, cause, reason, requested_by, status,
                                                    whole_order, created_at, updated_at)
                        values (:refundNo, :order, :amount, :cause, :reason, :by, 'REQUESTED', :whole, :now, :now)""")
                .bind("refundNo", decided.refundNo()).bind("order", order.id()).bind("amount", decided.amountFen())
                .bind("cause", cause.name()).bind("reason", truncate(reason)).bind("by", actor.id())
                .bind("whole", decided.wholeOrder()).bind("now", now)
                .then()
                .then(payments.linkToRefund(order.id(), decided.insuredIds(), decided.refundNo()))
                .flatMap(linked -> linked != decided.insuredIds().size()
                        ? Mono.<Void>error(new IllegalStateException("refund " + decided.refundNo() + " linked "
                                + linked + " of " + decided.insuredIds().size() + " people"))
                        : Mono.<Void>empty())
                .then(decided.wholeOrder()
                        ? payments.transition(order, StatusChange.to(PaymentStatus.REFUNDING, cause == Cause.DUPLICATE
                                ? TransitionCause.DUPLICATE_REFUND : TransitionCause.OPERATOR_REFUND, reason, actor), now)
                        : payments.touch(order.id(), now).thenReturn(true))
                .flatMap(moved -> !moved ? Mono.error(new IllegalStateException("order " + order.orderNo() + " moved"))
                        : audit.about(order, PaymentAudit.REFUND, true, phrases.record(Phrase.of(
                                decided.wholeOrder() ? "payment.audit.refund.whole" : "payment.audit.refund.part",
                                decided.refundNo(), decided.insuredIds().size(), decided.amountFen(),
                                new Verbatim(reason))), actor))
                .then(findByNo(decided.refundNo()))
                .flatMap(refund -> payments.find(order.id()).map(after -> new Prepared(after, refund, null)));
    }

    /** A failed refund asked for again under its own number; the order back to REFUNDING if it is the whole order. */
    private Mono<Prepared> reopen(PaymentOrder order, String refundNo, PaymentActor actor, Instant now) {
        return database.sql("update payment_refund set status = 'REQUESTED', updated_at = :now where refund_no = :no and status = 'FAILED'")
                .bind("now", now).bind("no", refundNo).then()
                .then(findByNo(refundNo))
                .flatMap(refund -> (refund.wholeOrder() && order.status() == PaymentStatus.REFUND_FAILED
                        ? payments.transition(order, StatusChange.to(PaymentStatus.REFUNDING, refund.cause() == Cause.DUPLICATE
                                ? TransitionCause.DUPLICATE_REFUND : TransitionCause.OPERATOR_REFUND,
                                phrases.record(Phrase.of("payment.event.refundRetried", refundNo)), actor), now)
                        : payments.touch(order.id(), now).thenReturn(true))
                        .then(audit.about(order, PaymentAudit.REFUND, true,
                                phrases.record(Phrase.of("payment.audit.refundRetried", refundNo)), actor))
                        .then(payments.find(order.id()))
                        .map(after -> new Prepared(after, refund, null)));
    }

    /** Asks the channel again about the order's refunds left REQUESTED (same numbers: each refunds once). */
    Mono<Void> retry(PaymentOrder order) {
        // The refunds are read first: no connection is held while the channel answers.
        return ofOrder(order.id()).collectList()
                .flatMapIterable(refunds -> refunds.stream().filter(refund -> "REQUESTED".equals(refund.status())).toList())
                .concatMap(refund -> callChannel(order, refund, PaymentSweeper.SWEEPER))
                .then();
    }

    private Mono<Outcome> callChannel(PaymentOrder order, Refund refund, PaymentActor actor) {
        RefundRequest request = new RefundRequest(order.orderNo(), order.transactionId(), refund.refundNo(),
                refund.amountFen(), order.amountFen(), refund.reason());
        return channels.require(order.channel()).refund(request)
                .doOnNext(answer -> {
                    if (answer.status() == RefundAnswer.Status.FAILED) {
                        log.warn("Refund {} at {} not made: {}", refund.refundNo(), order.channel(), answer.failure());
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Refund {} at {} failed: {}", refund.refundNo(), order.channel(), e.toString());
                    return Mono.just(new RefundAnswer(refund.refundNo(), RefundAnswer.Status.FAILED, null, "CHANNEL_UNREACHABLE"));
                })
                .flatMap(answer -> answer.status() == RefundAnswer.Status.PROCESSING
                        ? Mono.just((Outcome) new Requested(refund, order.status()))
                        : finish(refund.refundNo(), answer.status() == RefundAnswer.Status.SUCCEEDED,
                                answer.channelRefundId(), actor));
    }

    /**
     * Applies a refund's final result (from the channel's answer or its refund notification); repeats change nothing.
     * On success its people become REFUNDED (their receipts then verify as refunded); a whole-order refund also moves
     * the order to REFUNDED or REFUND_FAILED.
     */
    Mono<Outcome> finish(String refundNo, boolean succeeded, String channelRefundId, PaymentActor actor) {
        Instant now = clock.now();
        Mono<Outcome> work = database.sql("""
                        update payment_refund set status = :status, channel_refund_id = coalesce(:refundId, channel_refund_id),
                               updated_at = :now
                        where refund_no = :refundNo and status = 'REQUESTED'""")
                .bind("status", succeeded ? "SUCCEEDED" : "FAILED")
                .bind("refundId", Parameter.fromOrEmpty(channelRefundId, String.class))
                .bind("now", now).bind("refundNo", refundNo)
                .fetch().rowsUpdated()
                .flatMap(changed -> findByNo(refundNo).flatMap(refund -> payments.find(refund.orderId())
                        .flatMap(order -> changed == 0
                                ? Mono.just((Outcome) new Requested(refund, order.status()))
                                : settle(order, refund, succeeded, actor, now))));
        return transaction.transactional(work);
    }

    private Mono<Outcome> settle(PaymentOrder order, Refund refund, boolean succeeded, PaymentActor actor, Instant now) {
        Mono<Void> people = succeeded ? payments.markRefunded(order.id(), refund.refundNo(), refund.wholeOrder())
                : Mono.empty();
        Mono<Boolean> orderStatus = refund.wholeOrder() && order.status() == PaymentStatus.REFUNDING
                ? payments.transition(order, StatusChange.to(succeeded ? PaymentStatus.REFUNDED : PaymentStatus.REFUND_FAILED,
                        TransitionCause.REFUND_RESULT, refund.refundNo(), actor), now)
                : Mono.just(false);
        return people.then(orderStatus)
                .then(audit.about(order, PaymentAudit.REFUND, succeeded,
                        phrases.record(Phrase.of(succeeded ? "payment.audit.refundSucceeded"
                                : "payment.audit.refundFailed", refund.refundNo())), actor))
                .then(findByNo(refund.refundNo()))
                .flatMap(after -> payments.find(order.id()).map(latest -> (Outcome) new Requested(after, latest.status())));
    }

    /** The refunds of several orders in one query, oldest first. */
    Flux<Refund> ofOrders(java.util.Collection<UUID> orderIds) {
        return database.sql("select * from payment_refund where order_id = any(:orders) order by created_at, refund_no")
                .bind("orders", orderIds.toArray(UUID[]::new)).map(Refunds::refund).all();
    }

    /** The order's refunds, oldest first. */
    public Flux<Refund> ofOrder(UUID orderId) {
        return database.sql("select * from payment_refund where order_id = :order order by created_at, refund_no")
                .bind("order", orderId).map(Refunds::refund).all();
    }

    /** A refund the channel refused, or that could not be asked for: money still owed back, for an operator. */
    public record Failed(String refundNo, String orderNo, long amountFen, Cause cause, Instant failedAt) {
    }

    /**
     * Refunds that failed of orders of these regions, newest first, for the operator desk: nothing retries them on its
     * own, and an operator's refund of the order asks again under the failed refund's number.
     */
    public Flux<Failed> failed(List<String> regions, int limit) {
        return database.sql("""
                        select r.refund_no, o.order_no, r.amount_fen, r.cause, r.updated_at
                        from payment_refund r join payment_order o on o.id = r.order_id
                        where r.status = 'FAILED' and o.region = any(:regions)
                        order by r.updated_at desc limit :limit""")
                .bind("regions", regions.toArray(String[]::new)).bind("limit", limit)
                .map(row -> new Failed(row.get("refund_no", String.class), row.get("order_no", String.class),
                        row.get("amount_fen", Long.class), Cause.valueOf(row.get("cause", String.class)),
                        row.get("updated_at", Instant.class)))
                .all();
    }

    private Mono<Refund> findByNo(String refundNo) {
        return database.sql("select * from payment_refund where refund_no = :no").bind("no", refundNo)
                .map(Refunds::refund).one();
    }

    private static Refund refund(io.r2dbc.spi.Readable row) {
        return new Refund(row.get("refund_no", String.class), row.get("order_id", UUID.class),
                row.get("amount_fen", Long.class), Cause.valueOf(row.get("cause", String.class)),
                row.get("reason", String.class), row.get("status", String.class),
                Boolean.TRUE.equals(row.get("whole_order", Boolean.class)), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    private static String truncate(String text) {
        return text.length() <= 256 ? text : text.substring(0, 256);
    }
}
