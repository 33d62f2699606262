package cn.yibao.portal.payment;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.payment.domain.ChannelOrder;
import cn.yibao.portal.payment.domain.ItemState;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.PaymentStatus;
import cn.yibao.portal.payment.domain.TransitionCause;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.Phrases;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Opens a stored order at its channel, outside the creating transaction (a slow channel must not hold database
 * locks). CREATED → AWAITING_PAYMENT with the pay URL, or CREATED → FAILED when the channel refuses; an order left
 * CREATED by a crash is opened on its next replay or closed by the sweeper.
 */
@Service
class OpeningAtChannel {

    private static final Logger log = LoggerFactory.getLogger(OpeningAtChannel.class);

    private final PaymentRepository payments;
    private final PaymentChannels channels;
    private final BusinessClock clock;
    private final TransactionalOperator transaction;
    private final String publicBaseUrl;
    /** The order's subject, which the payer sees in the channel's cashier and bill, is said as a record. */
    private final Phrases phrases;

    OpeningAtChannel(PaymentRepository payments, PaymentChannels channels, BusinessClock clock,
                     TransactionalOperator transaction, @Value("${portal.public-base-url:}") String publicBaseUrl,
                     Phrases phrases) {
        this.phrases = phrases;
        this.payments = payments;
        this.channels = channels;
        this.clock = clock;
        this.transaction = transaction;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The order after opening, and for WeChat JSAPI the signed parameters the payer's page hands to WeChat. */
    record Opened(PaymentOrder order, Map<String, String> jsapiParameters) {
    }

    Mono<Opened> open(PaymentOrder order, OrderRequest request) {
        ChannelOrder channelOrder = new ChannelOrder(order.orderNo(), order.amountFen(),
                phrases.record(Phrase.of("payment.order.subject", order.benefitYear())), order.expiresAt(), request.payerOpenId(),
                request.clientAddress(), publicBaseUrl + "/payment/" + order.id());
        Map<String, String> none = Map.of();
        return channels.require(order.channel()).open(channelOrder, request.inWechat())
                .flatMap(checkout -> transaction.transactional(payments.transition(order,
                                StatusChange.to(PaymentStatus.AWAITING_PAYMENT, TransitionCause.CHANNEL_OPENED, null,
                                        request.actor()).withPayUrl(checkout.payUrl()), clock.now()))
                        // Moved by this call: the order is known without reading it again.
                        .flatMap(moved -> moved ? Mono.just(new Opened(awaitingPayment(order, checkout.payUrl()),
                                checkout.jsapiParameters())) : Mono.<Opened>empty()))
                .onErrorResume(e -> {
                    log.warn("Channel {} refused to open order {}: {}", order.channel(), order.orderNo(), e.toString());
                    return transaction.transactional(payments.transition(order, StatusChange.to(PaymentStatus.FAILED,
                                    TransitionCause.CHANNEL_OPEN_FAILED, null, request.actor()), clock.now())
                            .flatMap(moved -> moved
                                    ? payments.setItemStates(order.id(), ItemState.OPEN, ItemState.RELEASED)
                                    : Mono.empty()))
                            .then(Mono.<Opened>empty());
                })
                // Refused, or moved meanwhile by someone else (a notification, the sweeper): as it stands now.
                .switchIfEmpty(Mono.defer(() -> payments.find(order.id()).map(found -> new Opened(found, none))));
    }

    /** The order as the move to AWAITING_PAYMENT left it (the update bumps the version and keeps the pay URL). */
    private static PaymentOrder awaitingPayment(PaymentOrder order, String payUrl) {
        return new PaymentOrder(order.id(), order.orderNo(), order.payerId(), order.benefitYear(), order.channel(),
                order.amountFen(), PaymentStatus.AWAITING_PAYMENT, order.version() + 1, order.transactionId(),
                payUrl != null ? payUrl : order.payUrl(), order.createdAt(), order.expiresAt(), order.paidAt(),
                order.reviewReason(), order.regionCode());
    }
}
