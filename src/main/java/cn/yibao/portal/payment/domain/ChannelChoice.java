package cn.yibao.portal.payment.domain;

import cn.yibao.portal.web.domain.ClientKind;
import java.util.List;

/** Which channel a payer gets when they do not choose: the one of the app they are in, else the first enabled. */
public final class ChannelChoice {

    private ChannelChoice() {
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
