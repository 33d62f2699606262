package cn.yibao.portal.payment.domain;

import java.time.Instant;

/**
 * What a channel needs to take a payment: our order number (the channel's out_trade_no), the amount in fen, a short
 * description, when the order closes, and who pays (openid inside WeChat, when known; client address for H5).
 */
public record ChannelOrder(String orderNo, long amountFen, String description, Instant expiresAt,
                           String payerOpenId, String clientAddress, String returnUrl) {
}
