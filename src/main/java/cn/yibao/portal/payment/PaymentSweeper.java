package cn.yibao.portal.payment;

import cn.yibao.portal.database.ConnectionScope;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.payment.domain.ChannelOutcome;
import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.payment.domain.TransitionCause;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The fallback when a notification does not come: asks the channel about orders that have waited a while, applies
 * what it says, and closes expired ones — at the channel first, so they cannot be paid afterwards. Leases keep two
 * app instances from working on the same order.
 */
@Component
class PaymentSweeper {

    private static final Logger log = LoggerFactory.getLogger(PaymentSweeper.class);

    /** The actor of what the sweeper changes, in audit rows. */
    static final PaymentActor SWEEPER = PaymentActor.system("PAYMENT_SWEEPER");

    private final PaymentRepository payments;
    private final PaymentChannels channels;
    private final SettlingPayments settling;
    private final BusinessClock clock;
    private final TransactionalOperator transaction;
    private final Duration queryAfter;

    private final Refunds refunds;

    PaymentSweeper(PaymentRepository payments, PaymentChannels channels, SettlingPayments settling,
                   Refunds refunds, BusinessClock clock, TransactionalOperator transaction,
                   @Value("${portal.payment.query-after:PT3M}") Duration queryAfter) {
        this.payments = payments;
        this.channels = channels;
        this.settling = settling;
        this.refunds = refunds;
        this.clock = clock;
        this.transaction = transaction;
        this.queryAfter = queryAfter;
    }

    @Scheduled(fixedDelayString = "${portal.payment.sweep-interval:PT30S}", initialDelayString = "${portal.payment.sweep-initial-delay:PT5S}")
    void sweepOnSchedule() {
        sweep().contextWrite(ConnectionScope.of("payment sweep")).onErrorResume(e -> {
            log.warn("Payment sweep failed: {}", e.toString());
            return Mono.empty();
        }).block(Duration.ofMinutes(2));
    }

    /** One round; answers how many orders were looked at. */
    Mono<Long> sweep() {
        Instant now = clock.now();
        Instant realNow = Instant.now();
        return transaction.transactional(payments.leaseForSweep(now.minus(queryAfter), now, realNow.plusSeconds(120),
                        realNow, 50).collectList())
                .flatMapMany(reactor.core.publisher.Flux::fromIterable)
                .concatMap(id -> payments.find(id).flatMap(this::settle).onErrorResume(e -> {
                    log.warn("Sweeping order {} failed: {}", id, e.toString());
                    return Mono.empty();
                }).thenReturn(1L))
                .count()
                .flatMap(count -> retryRefunds(now, realNow).map(retried -> count + retried))
                .flatMap(count -> payments.forgetExpiredKeys(now).thenReturn(count));
    }

    private Mono<Long> retryRefunds(Instant now, Instant realNow) {
        return transaction.transactional(payments.leaseRefundsForRetry(now.minus(queryAfter), now, realNow.plusSeconds(120),
                        realNow, 20).collectList())
                .flatMapMany(reactor.core.publisher.Flux::fromIterable)
                .concatMap(id -> payments.find(id).flatMap(refunds::retry).onErrorResume(e -> {
                    log.warn("Retrying the refund of order {} failed: {}", id, e.toString());
                    return Mono.empty();
                }).thenReturn(1L))
                .count();
    }

    private Mono<Void> settle(PaymentOrder order) {
        return channels.get(order.channel()).map(channel -> channel.query(order.orderNo())
                .flatMap(answer -> {
                    if (answer.outcome() == ChannelOutcome.PAID || answer.outcome() == ChannelOutcome.CLOSED
                            || answer.outcome() == ChannelOutcome.FAILED) {
                        return settling.apply(channel.merchantId(), order.orderNo(), answer.transactionId(),
                                answer.amountFen(), answer.outcome(), TransitionCause.CHANNEL_QUERY, SWEEPER).then();
                    }
                    if (!order.expiredAt(clock.now())) {
                        return Mono.empty();
                    }
                    // Close at the channel first; then ask again, in case it was paid in the meantime.
                    return channel.close(order.orderNo())
                            .then(channel.query(order.orderNo()))
                            .flatMap(after -> after.outcome() == ChannelOutcome.PAID
                                    ? settling.apply(channel.merchantId(), order.orderNo(), after.transactionId(),
                                            after.amountFen(), after.outcome(), TransitionCause.CHANNEL_QUERY,
                                            SWEEPER).then()
                                    : close(order));
                })).orElse(Mono.empty());
    }

    private Mono<Void> close(PaymentOrder order) {
        return transaction.transactional(payments.transition(order, StatusChange.to(PaymentStatus.CLOSED,
                        TransitionCause.EXPIRED, null, SWEEPER), clock.now())
                .flatMap(moved -> moved ? payments.setItemStates(order.id(), ItemState.OPEN, ItemState.RELEASED)
                        : Mono.empty()));
    }
}
