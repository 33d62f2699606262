package cn.yibao.portal.payment;

import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.domain.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.payment.domain.RefundAnswer;
import cn.yibao.portal.payment.domain.RefundRequest;
import cn.yibao.portal.payment.domain.RefundRules;
import cn.yibao.portal.payment.domain.TransitionCause;
import java.time.Instant;
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

    /** {@code status}: REQUESTED, SUCCEEDED or FAILED. {@code wholeOrder}: the order's status follows this refund. */
    public record Refund(String refundNo, UUID orderId, long amountFen, Cause cause, String reason, String status,
                         boolean wholeOrder) {
    }

    public sealed interface Outcome {
    }

    /** The refund asked for (or already answered), and where the order stands now. */
    public record Requested(Refund refund, PaymentStatus orderStatus) implements Outcome {
    }

    public record NotPossible(String message) implements Outcome {
    }

    private final PaymentRepository payments;
    private final PaymentChannels channels;
    private final PaymentAudit audit;
    private final BusinessClock clock;
    private final TransactionalOperator transaction;
    private final DatabaseClient database;

    Refunds(PaymentRepository payments, PaymentChannels channels, PaymentAudit audit, BusinessClock clock,
            TransactionalOperator transaction, DatabaseClient database) {
        this.payments = payments;
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
        this.transaction = transaction;
        this.database = database;
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
                .flatMap(due -> refund(order.id(), true, "重复缴费自动退款",
                        new PaymentActor(AuditEntry.ActorType.SYSTEM, "PORTAL", origin)));
    }

    /**
     * An operator's refund of all a paid order still holds (or a retry of a failed refund), by id or number; the
     * operator's request id and address go into the audit rows.
     */
    public Mono<Outcome> byOperator(PaymentActor operator, UUID orderId, String reason, String orderNo) {
        if (reason == null || reason.isBlank()) {
            return Mono.just(new NotPossible("请填写退款原因。"));
        }
        return (orderId != null ? payments.find(orderId) : payments.findByOrderNo(orderNo == null ? "" : orderNo.strip()))
                .flatMap(order -> refund(order.id(), false, reason.strip(), operator)
                        .flatMap(outcome -> outcome instanceof NotPossible notPossible
                                ? audit.about(order, PaymentAudit.REFUND, false, reason.strip() + "：" + notPossible.message(),
                                        operator).thenReturn(outcome)
                                : Mono.just(outcome)))
                .defaultIfEmpty(new NotPossible("没有这笔订单。"));
    }

    /** What is prepared in the database before the channel is asked: the refund, or why there is none. */
    private record Prepared(PaymentOrder order, Refund refund, String refusal) {
    }

    private Mono<Outcome> refund(UUID orderId, boolean duplicatesOnly, String reason, PaymentActor actor) {
        Instant now = clock.now();
        Cause cause = duplicatesOnly ? Cause.DUPLICATE : Cause.OPERATOR;
        // The order's row lock makes refunds of one order one after the other: numbers and people are decided once.
        Mono<Prepared> prepare = payments.findForUpdate(orderId).flatMap(order -> InTurn.zip(
                        payments.items(orderId).collectList(), ofOrder(orderId).collectList())
                .flatMap(both -> {
                    RefundRules.Decision decision = RefundRules.decide(order.orderNo(), order.status(),
                            both.getT1().stream().map(item -> new RefundRules.Person(item.insuredId(), item.state(),
                                    item.refundNo(), item.amountFen())).toList(),
                            both.getT2().stream().map(refund -> new RefundRules.Existing(refund.refundNo(),
                                    refund.status())).toList(),
                            duplicatesOnly);
                    if (decision instanceof RefundRules.Refused refused) {
                        return Mono.just(new Prepared(order, null, refused.message()));
                    }
                    if (decision instanceof RefundRules.Retry retry) {
                        return reopen(order, retry.refundNo(), actor, now);
                    }
                    return start(order, (RefundRules.Refund) decision, cause, reason, actor, now);
                }));
        return transaction.transactional(prepare)
                .flatMap(prepared -> prepared.refund() == null
                        ? Mono.just((Outcome) new NotPossible(prepared.refusal()))
                        : callChannel(prepared.order(), prepared.refund(), actor))
                .switchIfEmpty(Mono.fromSupplier(() -> new NotPossible("没有这笔订单。")));
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
                        : audit.about(order, PaymentAudit.REFUND, true, "申请退款 " + decided.refundNo() + "："
                                + decided.insuredIds().size() + " 人，" + decided.amountFen() + " 分"
                                + (decided.wholeOrder() ? "（整单）" : "（部分）") + "，" + reason, actor))
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
                                "重试 " + refundNo, actor), now)
                        : payments.touch(order.id(), now).thenReturn(true))
                        .then(audit.about(order, PaymentAudit.REFUND, true, "重试退款 " + refundNo, actor))
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
                .onErrorResume(e -> {
                    log.warn("Refund {} at {} failed: {}", refund.refundNo(), order.channel(), e.toString());
                    return Mono.just(new RefundAnswer(refund.refundNo(), RefundAnswer.Status.FAILED, null, "渠道不可用"));
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
                        refund.refundNo() + (succeeded ? " 退款成功" : " 退款失败"), actor))
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
     * Refunds that failed, newest first, for the operator desk: nothing retries them on its own, and an operator's
     * refund of the order asks again under the failed refund's number.
     */
    public Flux<Failed> failed(int limit) {
        return database.sql("""
                        select r.refund_no, o.order_no, r.amount_fen, r.cause, r.updated_at
                        from payment_refund r join payment_order o on o.id = r.order_id
                        where r.status = 'FAILED' order by r.updated_at desc limit :limit""")
                .bind("limit", limit)
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
                Boolean.TRUE.equals(row.get("whole_order", Boolean.class)));
    }

    private static String truncate(String text) {
        return text.length() <= 256 ? text : text.substring(0, 256);
    }
}
