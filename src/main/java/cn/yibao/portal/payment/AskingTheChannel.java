package cn.yibao.portal.payment;

import cn.yibao.portal.payment.domain.ChannelOutcome;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.TransitionCause;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * When the payer comes back to the result page while the order is still open, the portal asks the channel once
 * (the order query every channel offers) instead of waiting for its notification: a payment just made shows as paid,
 * a payment cancelled at the cashier as closed, at once. A channel that does not answer within
 * {@link #PATIENCE} changes nothing: the notification, and the sweeper, still settle the order.
 */
@Service
public class AskingTheChannel {

    private static final Logger log = LoggerFactory.getLogger(AskingTheChannel.class);
    static final Duration PATIENCE = Duration.ofSeconds(3);
    private static final PaymentActor ON_RETURN = PaymentActor.system("PAYER_RETURNED");

    private final PaymentChannels channels;
    private final SettlingPayments settling;
    private final PaymentRepository payments;

    AskingTheChannel(PaymentChannels channels, SettlingPayments settling, PaymentRepository payments) {
        this.channels = channels;
        this.settling = settling;
        this.payments = payments;
    }

    /** The order as it stands after asking its channel, if it was open and paid online; else the order as given. */
    public Mono<PaymentOrder> refreshed(PaymentOrder order) {
        if (!order.status().isOpen() || !order.channel().online()) {
            return Mono.just(order);
        }
        return channels.get(order.channel()).map(channel -> channel.query(order.orderNo())
                        .timeout(PATIENCE)
                        .flatMap(answer -> answer.outcome() == ChannelOutcome.PAID
                                || answer.outcome() == ChannelOutcome.CLOSED || answer.outcome() == ChannelOutcome.FAILED
                                ? settling.apply(channel.merchantId(), order.orderNo(), answer.transactionId(),
                                                answer.amountFen(), answer.outcome(), TransitionCause.CHANNEL_QUERY,
                                                ON_RETURN)
                                        .then(payments.find(order.id()))
                                : Mono.just(order))
                        .onErrorResume(e -> {
                            log.info("Asking the channel about order {} failed: {}", order.orderNo(), e.toString());
                            return Mono.just(order);
                        }))
                .orElse(Mono.just(order));
    }
}
