package cn.yibao.portal.payment;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.payment.channel.NotificationAnswer;
import cn.yibao.portal.payment.channel.NotificationRequest;
import cn.yibao.portal.payment.channel.PaymentChannel;
import cn.yibao.portal.payment.domain.ChannelNotice;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.TransitionCause;
import cn.yibao.portal.text.Phrases;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A channel's notification, treated as untrusted: the signature first (forged → 401, nothing changes), then the
 * content against our order, then one guarded transition. Repeats and late arrivals change nothing and are
 * acknowledged, so the channel stops sending them.
 */
@Service
public class ReceivingNotifications {

    private final PaymentChannels channels;
    private final SettlingPayments settling;
    private final Refunds refunds;
    private final PaymentRepository payments;
    private final PaymentAudit audit;
    private final BusinessClock clock;
    private final Phrases phrases;

    ReceivingNotifications(PaymentChannels channels, SettlingPayments settling, Refunds refunds,
                           PaymentRepository payments, PaymentAudit audit, BusinessClock clock, Phrases phrases) {
        this.phrases = phrases;
        this.channels = channels;
        this.settling = settling;
        this.refunds = refunds;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
    }

    /** Empty when the channel is not configured here (the route answers 404). */
    public Mono<NotificationAnswer> receive(PaymentChannelId channelId, NotificationRequest request, RequestOrigin origin) {
        return Mono.justOrEmpty(channels.get(channelId))
                .flatMap(channel -> channel.verify(request).flatMap(notice -> handle(channel, notice, origin)));
    }

    private Mono<NotificationAnswer> handle(PaymentChannel channel, ChannelNotice notice, RequestOrigin origin) {
        if (notice instanceof ChannelNotice.Forged forged) {
            String reason = phrases.record(forged.reason());
            return payments.recordNotification(channel.id(), null, false, "FORGED", reason, clock.now())
                    .then(audit.anonymous(PaymentAudit.NOTIFICATION_FORGED, origin.clientAddress(), origin.requestId(),
                            channel.id() + " " + reason))
                    .thenReturn(channel.reject(reason));
        }
        if (notice instanceof ChannelNotice.RefundResult refund) {
            return refunds.finish(refund.refundNo(), refund.succeeded(), refund.channelRefundId(),
                            PaymentActor.channel(channel.id(), origin))
                    .then(payments.recordNotification(channel.id(), refund.orderNo(), true, "REFUND", refund.refundNo(),
                            clock.now()))
                    .thenReturn(channel.acknowledge());
        }
        ChannelNotice.PaymentResult result = (ChannelNotice.PaymentResult) notice;
        return settling.apply(result.merchantId(), result.orderNo(), result.transactionId(), result.amountFen(),
                        result.outcome(), TransitionCause.NOTIFICATION, PaymentActor.channel(channel.id(), origin))
                .flatMap(effect -> payments.recordNotification(channel.id(), result.orderNo(), true, effect.name(),
                        result.outcome().name(), clock.now()))
                .thenReturn(channel.acknowledge());
    }
}
