package cn.yibao.portal.payment.channel;

import cn.yibao.portal.payment.domain.BillLine;
import cn.yibao.portal.payment.domain.ChannelNotice;
import cn.yibao.portal.payment.domain.ChannelOrder;
import cn.yibao.portal.payment.domain.ChannelOutcome;
import cn.yibao.portal.payment.domain.ChannelQuery;
import cn.yibao.portal.payment.domain.Checkout;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.RefundAnswer;
import cn.yibao.portal.payment.domain.RefundRequest;
import cn.yibao.portal.shared.Phrase;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Cash taken at a help-desk counter (代收, the collection-agent practice of the Wenshui notice): no outside party.
 * The order waits on the portal's own page until the worker records the cash with their receipt number; a refund
 * is cash handed back at the counter. Nothing arrives by notification or bill.
 */
@Component
public class CashChannel implements PaymentChannel {

    @Override
    public PaymentChannelId id() {
        return PaymentChannelId.CASH;
    }

    @Override
    public String merchantId() {
        return "CASH";
    }

    @Override
    public Mono<Checkout> open(ChannelOrder order, boolean inWechat) {
        return Mono.just(Checkout.redirect(order.returnUrl()));
    }

    @Override
    public Mono<ChannelNotice> verify(NotificationRequest request) {
        return Mono.just(new ChannelNotice.Forged(Phrase.of("notify.forged.cash")));
    }

    @Override
    public NotificationAnswer acknowledge() {
        return new NotificationAnswer(200, "text/plain", "ok");
    }

    @Override
    public NotificationAnswer reject(String reason) {
        return new NotificationAnswer(401, "text/plain", "no notifications for cash");
    }

    /** Only the worker's record says it was paid; until then it is pending. */
    @Override
    public Mono<ChannelQuery> query(String orderNo) {
        return Mono.just(new ChannelQuery(orderNo, ChannelOutcome.PENDING, null, 0, null));
    }

    @Override
    public Mono<Void> close(String orderNo) {
        return Mono.empty();
    }

    @Override
    public Mono<RefundAnswer> refund(RefundRequest request) {
        // The cash is handed back at the counter.
        return Mono.just(new RefundAnswer(request.refundNo(), RefundAnswer.Status.SUCCEEDED, request.refundNo(), null));
    }

    @Override
    public List<BillLine> parseBill(byte[] bill) throws BillFormatException {
        throw new BillFormatException(1, Phrase.of("reconcile.billFile.cash"));
    }
}
