package cn.yibao.portal.payment.channel;

import cn.yibao.portal.payment.domain.BillLine;
import cn.yibao.portal.payment.domain.ChannelNotice;
import cn.yibao.portal.payment.domain.ChannelOrder;
import cn.yibao.portal.payment.domain.ChannelQuery;
import cn.yibao.portal.payment.domain.Checkout;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.RefundAnswer;
import cn.yibao.portal.payment.domain.RefundRequest;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * One payment channel. Implementations translate; they decide nothing about our orders. SDK calls that block run
 * off the event loop (boundedElastic). A channel bean exists only when it is configured ({@link #id()} is then
 * offered to residents).
 */
public interface PaymentChannel {

    PaymentChannelId id();

    /** Our merchant id at this channel: a notification for another merchant is not ours. */
    String merchantId();

    /** Opens the order at the channel and says how the payer continues. {@code inWechat}: JSAPI if openid known. */
    Mono<Checkout> open(ChannelOrder order, boolean inWechat);

    /** Verifies and decodes a notification; never throws for bad input, answers {@link ChannelNotice.Forged}. */
    Mono<ChannelNotice> verify(NotificationRequest request);

    /** The answer the channel expects once we have handled (or deliberately ignored) a genuine notification. */
    NotificationAnswer acknowledge();

    /** The answer for a notification whose signature failed. */
    NotificationAnswer reject(String reason);

    Mono<ChannelQuery> query(String orderNo);

    /** Closes an unpaid order at the channel so that it can no longer be paid. Closing an unknown order is fine. */
    Mono<Void> close(String orderNo);

    Mono<RefundAnswer> refund(RefundRequest request);

    /** Parses the channel's daily bill file; a line it cannot read is an error naming the line. */
    List<BillLine> parseBill(byte[] bill) throws BillFormatException;
}
