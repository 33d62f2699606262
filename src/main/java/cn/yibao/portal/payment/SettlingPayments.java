package cn.yibao.portal.payment;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.payment.domain.ChannelOutcome;
import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.payment.domain.NotificationRules;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.payment.domain.TransitionCause;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.Phrases;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.util.retry.Retry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies what a channel reported (by notification, by query, or in a bill) to our order: the rules decide, and the
 * change is one guarded transition. Paying marks each person paid (with a receipt number) unless they were already
 * paid for — those are duplicates and are refunded automatically.
 */
@Service
class SettlingPayments {

    /** What happened to our order. */
    enum Effect { MOVED, UNCHANGED, FLAGGED, UNKNOWN_ORDER }

    private final PaymentRepository payments;
    private final PaymentChannels channels;
    private final Refunds refunds;
    private final PaymentAudit audit;
    private final BusinessClock clock;
    private final TransactionalOperator transaction;
    private final Phrases phrases;

    SettlingPayments(PaymentRepository payments, PaymentChannels channels, Refunds refunds, PaymentAudit audit,
                     BusinessClock clock, TransactionalOperator transaction, Phrases phrases) {
        this.phrases = phrases;
        this.payments = payments;
        this.channels = channels;
        this.refunds = refunds;
        this.audit = audit;
        this.clock = clock;
        this.transaction = transaction;
    }

    Mono<Effect> apply(String merchantId, String orderNo, String transactionId, long amountFen, ChannelOutcome outcome,
                       TransitionCause source, PaymentActor actor) {
        // A concurrent change of the same order makes the guarded update miss: decide again on what is there now.
        return Mono.defer(() -> transaction.transactional(payments.findByOrderNo(orderNo)
                        .flatMap(order -> decideAndApply(order, merchantId, orderNo, transactionId, amountFen, outcome,
                                source, actor))
                        .defaultIfEmpty(Effect.UNKNOWN_ORDER)))
                .retryWhen(Retry.max(5).filter(ConcurrentChange.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .flatMap(effect -> effect == Effect.MOVED
                        ? payments.findByOrderNo(orderNo)
                                .flatMap(order -> refunds.refundDuplicatesOf(order, actor.origin())).thenReturn(effect)
                        : Mono.just(effect));
    }

    /** Another change of the same order got there first. */
    static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("order changed concurrently", null, false, false);
        }
    }

    private Mono<Effect> decideAndApply(PaymentOrder order, String merchantId, String orderNo, String transactionId,
                                        long amountFen, ChannelOutcome outcome, TransitionCause source,
                                        PaymentActor actor) {
        String ourMerchant = channels.get(order.channel()).map(c -> c.merchantId()).orElse(null);
        NotificationRules.Decision decision = NotificationRules.decide(order, ourMerchant, merchantId, orderNo,
                transactionId, amountFen, outcome, source);
        if (decision instanceof NotificationRules.Review review) {
            return flag(order, review.why(), actor).thenReturn(Effect.FLAGGED);
        }
        if (decision instanceof NotificationRules.Ignore) {
            return Mono.just(Effect.UNCHANGED);
        }
        NotificationRules.Move move = (NotificationRules.Move) decision;
        StatusChange change = StatusChange.to(move.to(), move.cause(), null, actor)
                .withTransactionId(move.to() == PaymentStatus.PAID ? transactionId : null);
        return payments.transition(order, change, clock.now())
                .flatMap(moved -> !moved ? Mono.<Effect>error(new ConcurrentChange())
                        : afterMove(order, move.to()).thenReturn(Effect.MOVED));
    }

    /**
     * Puts the order up for a person to review: the flag keeps its phrase for pages, and the flag and its audit row
     * keep the record, in Chinese.
     */
    Mono<Void> flag(PaymentOrder order, Phrase why, PaymentActor actor) {
        String recorded = phrases.record(why);
        return payments.flagForReview(order.id(), why, recorded, clock.now())
                .then(audit.about(order, PaymentAudit.FLAGGED, false, recorded, actor));
    }

    private Mono<Void> afterMove(PaymentOrder order, PaymentStatus to) {
        if (to == PaymentStatus.PAID) {
            AtomicInteger number = new AtomicInteger();
            return payments.items(order.id()).collectList()
                    .flatMapMany(Flux::fromIterable)
                    .concatMap(item -> payments.settleItem(item, "R" + order.orderNo() + "-" + number.incrementAndGet()))
                    .then();
        }
        return payments.setItemStates(order.id(), ItemState.OPEN, ItemState.RELEASED);
    }
}
