package cn.yibao.portal.payment.domain;

/**
 * The channels a resident can pay through. {@code SANDBOX} is the in-app channel that behaves like a real one;
 * {@code CASH} is cash taken by a help-desk worker at the counter (代收), only while assisting.
 */
public enum PaymentChannelId {
    SANDBOX, WECHAT_PAY, ALIPAY, CASH;

    /** Offered to residents themselves; CASH only at a counter. */
    public boolean online() {
        return this != CASH;
    }
}
