package cn.yibao.portal.payment;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.domain.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.payment.domain.RefundAnswer;
import cn.yibao.portal.payment.domain.RefundRequest;
import cn.yibao.portal.payment.domain.TransitionCause;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Refunds: by an operator with a reason, or automatically for people paid twice. The refund number is made once
 * per order and reused on every retry, so the channel refunds once however often we ask.
 */
@Service
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    public enum Cause { OPERATOR, DUPLICATE }

    public record Refund(String refundNo, UUID orderId, long amountFen, Cause cause, String reason, String status) {
    }

    public sealed interface Outcome {
    }

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
        return payments.items(order.id()).filter(item -> item.state() == ItemState.DUPLICATE)
                .map(PaymentItem::amountFen).reduce(0L, Long::sum)
                .filter(amount -> amount > 0)
                .flatMap(amount -> refund(order, amount, Cause.DUPLICATE, "重复缴费自动退款",
                        new PaymentActor(AuditEntry.ActorType.SYSTEM, "PORTAL", origin)));
    }

    /** An operator's full refund of a paid order (or a retry of a failed refund), by order id or order number. */
    public Mono<Outcome> byOperator(String staffId, UUID orderId, String reason, String orderNo) {
        return byOperator(PaymentActor.staff(staffId, null), orderId, reason, orderNo);
    }

    /** The same, for an operator's request (its id and address go into the audit rows). */
    public Mono<Outcome> byOperator(PaymentActor operator, UUID orderId, String reason, String orderNo) {
        if (reason == null || reason.isBlank()) {
            return Mono.just(new NotPossible("请填写退款原因。"));
        }
        return (orderId != null ? payments.find(orderId) : payments.findByOrderNo(orderNo == null ? "" : orderNo.strip()))
                .flatMap(order -> order.status() != PaymentStatus.PAID && order.status() != PaymentStatus.REFUND_FAILED
                        ? Mono.just((Outcome) new NotPossible("只有已支付或退款失败的订单可以退款，当前状态：" + order.status() + "。"))
                        : refund(order, order.amountFen(), Cause.OPERATOR, reason.strip(), operator)
                                .flatMap(outcome -> audit.about(order, PaymentAudit.REFUND, outcome instanceof Requested,
                                        reason.strip(), operator).thenReturn(outcome)))
                .defaultIfEmpty(new NotPossible("没有这笔订单。"));
    }

    private Mono<Outcome> refund(PaymentOrder order, long amountFen, Cause cause, String reason, PaymentActor requestedBy) {
        Instant now = clock.now();
        Mono<Refund> start = database.sql("""
                        insert into payment_refund (refund_no, order_id, amount_fen, cause, reason, requested_by, status,
                                                    created_at, updated_at)
                        values (:refundNo, :order, :amount, :cause, :reason, :by, 'REQUESTED', :now, :now)
                        on conflict (order_id) do nothing""")
                .bind("refundNo", "RF" + order.orderNo()).bind("order", order.id()).bind("amount", amountFen)
                .bind("cause", cause.name()).bind("reason", truncate(reason)).bind("by", requestedBy.id()).bind("now", now)
                .then()
                // A failed refund is retried under the same number: it becomes REQUESTED again.
                .then(database.sql("update payment_refund set status = 'REQUESTED', updated_at = :now where order_id = :order and status = 'FAILED'")
                        .bind("now", now).bind("order", order.id()).then())
                .then(find(order.id()))
                .flatMap(refund -> payments.transition(order, StatusChange.to(PaymentStatus.REFUNDING,
                                cause == Cause.DUPLICATE ? TransitionCause.DUPLICATE_REFUND : TransitionCause.OPERATOR_REFUND,
                                reason, requestedBy), now)
                        .flatMap(moved -> moved ? Mono.just(refund) : Mono.empty()));
        return transaction.transactional(start)
                .flatMap(refund -> callChannel(order, refund, requestedBy))
                .switchIfEmpty(Mono.fromSupplier(() -> new NotPossible("订单状态已变化，请刷新后重试。")));
    }

    /** Asks the channel again about a refund left REFUNDING (same refund number: it refunds once). */
    Mono<Outcome> retry(PaymentOrder order) {
        return find(order.id()).filter(refund -> "REQUESTED".equals(refund.status()))
                .flatMap(refund -> callChannel(order, refund, PaymentSweeper.SWEEPER));
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
                        ? Mono.just((Outcome) new Requested(refund, PaymentStatus.REFUNDING))
                        : finish(refund.refundNo(), answer.status() == RefundAnswer.Status.SUCCEEDED,
                                answer.channelRefundId(), actor));
    }

    /** Applies a refund's final result (from the channel's answer or its refund notification); repeats are ignored. */
    Mono<Outcome> finish(String refundNo, boolean succeeded, String channelRefundId, PaymentActor actor) {
        Instant now = clock.now();
        Mono<Outcome> work = database.sql("""
                        update payment_refund set status = :status, channel_refund_id = coalesce(:refundId, channel_refund_id),
                               updated_at = :now
                        where refund_no = :refundNo and status = 'REQUESTED'""")
                .bind("status", succeeded ? "SUCCEEDED" : "FAILED")
                .bind("refundId", org.springframework.r2dbc.core.Parameter.fromOrEmpty(channelRefundId, String.class))
                .bind("now", now).bind("refundNo", refundNo)
                .fetch().rowsUpdated()
                .then(findByNo(refundNo))
                .flatMap(refund -> payments.find(refund.orderId()).flatMap(order -> order.status() != PaymentStatus.REFUNDING
                        ? Mono.just((Outcome) new Requested(refund, order.status()))
                        : payments.transition(order, StatusChange.to(succeeded ? PaymentStatus.REFUNDED
                                        : PaymentStatus.REFUND_FAILED, TransitionCause.REFUND_RESULT, refund.refundNo(),
                                        actor), now)
                                .flatMap(moved -> moved && succeeded && refund.cause() == Cause.OPERATOR
                                        ? payments.setItemStates(order.id(), ItemState.PAID, ItemState.REFUNDED)
                                        : Mono.empty())
                                .then(audit.about(order, PaymentAudit.REFUND, succeeded,
                                        refund.refundNo() + (succeeded ? " 退款成功" : " 退款失败"), actor))
                                .thenReturn((Outcome) new Requested(refund,
                                        succeeded ? PaymentStatus.REFUNDED : PaymentStatus.REFUND_FAILED))));
        return transaction.transactional(work);
    }

    Mono<Refund> find(UUID orderId) {
        return database.sql("select * from payment_refund where order_id = :order").bind("order", orderId)
                .map(Refunds::refund).one();
    }

    private Mono<Refund> findByNo(String refundNo) {
        return database.sql("select * from payment_refund where refund_no = :no").bind("no", refundNo)
                .map(Refunds::refund).one();
    }

    private static Refund refund(io.r2dbc.spi.Readable row) {
        return new Refund(row.get("refund_no", String.class), row.get("order_id", UUID.class),
                row.get("amount_fen", Long.class), Cause.valueOf(row.get("cause", String.class)),
                row.get("reason", String.class), row.get("status", String.class));
    }

    private static String truncate(String text) {
        return text.length() <= 256 ? text : text.substring(0, 256);
    }
}
