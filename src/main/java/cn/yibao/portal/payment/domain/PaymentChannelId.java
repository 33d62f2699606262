package cn.yibao.portal.payment.domain;

/** The channels a resident can pay through. {@code SANDBOX} is the in-app channel that behaves like a real one. */
public enum PaymentChannelId {
    SANDBOX, WECHAT_PAY, ALIPAY
}
