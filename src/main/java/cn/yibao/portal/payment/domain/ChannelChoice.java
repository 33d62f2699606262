package cn.yibao.portal.payment.domain;

import cn.yibao.portal.web.api.ClientKind;
import java.util.List;

/** Which channel a payer gets when they do not choose: the one of the app they are in, else the first enabled. */
public final class ChannelChoice {

    private ChannelChoice() {
    }

    /**
     * What to offer in this client: inside WeChat not Alipay (WeChat blocks Alipay's pages), inside Alipay not WeChat
     * Pay (it cannot be paid there); elsewhere everything offered. Never less than one channel when one is offered.
     */
    public static List<PaymentChannelId> offeredIn(ClientKind client, List<PaymentChannelId> offered) {
        PaymentChannelId foreign = client == ClientKind.WECHAT ? PaymentChannelId.ALIPAY
                : client == ClientKind.ALIPAY ? PaymentChannelId.WECHAT_PAY : null;
        List<PaymentChannelId> kept = offered.stream().filter(id -> id != foreign).toList();
        return kept.isEmpty() ? offered : kept;
    }

    public static PaymentChannelId defaultFor(ClientKind client, List<PaymentChannelId> enabled) {
        if (client == ClientKind.WECHAT && enabled.contains(PaymentChannelId.WECHAT_PAY)) {
            return PaymentChannelId.WECHAT_PAY;
        }
        if (client == ClientKind.ALIPAY && enabled.contains(PaymentChannelId.ALIPAY)) {
            return PaymentChannelId.ALIPAY;
        }
        return enabled.stream().filter(PaymentChannelId::online).findFirst().orElse(null);
    }
}
