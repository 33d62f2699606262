package cn.yibao.portal.payment.channel.wechat;

/**
 * The decrypted {@code resource} of a WeChat Pay notification, payment ({@code TRANSACTION.*}) or refund
 * ({@code REFUND.*}) alike. The SDK's parser fills it with Gson, naming fields lower_case_with_underscores
 * ({@code outTradeNo} ← {@code out_trade_no}). The SDK's own refund model has no {@code mchid}, hence this class.
 */
final class NotifiedResource {

    String mchid;
    String outTradeNo;
    String transactionId;
    /** Payments only: SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR. */
    String tradeState;
    String successTime;
    /** Refunds only. */
    String outRefundNo;
    String refundId;
    /** Refunds only: SUCCESS, CLOSED, ABNORMAL. */
    String refundStatus;
    Amount amount;

    boolean isRefund() {
        return outRefundNo != null || refundStatus != null;
    }

    static final class Amount {
        Long total;
        Long refund;
    }
}
