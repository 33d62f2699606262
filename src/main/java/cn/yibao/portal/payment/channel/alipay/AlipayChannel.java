package cn.yibao.portal.payment.channel.alipay;

import cn.yibao.portal.payment.channel.BillFormatException;
import cn.yibao.portal.payment.channel.BillText;
import cn.yibao.portal.payment.channel.ChannelCallException;
import cn.yibao.portal.payment.channel.ChannelCalls;
import cn.yibao.portal.payment.channel.NotificationAnswer;
import cn.yibao.portal.payment.channel.NotificationRequest;
import cn.yibao.portal.payment.channel.PaymentChannel;
import cn.yibao.portal.payment.channel.SettingsCheck;
import cn.yibao.portal.payment.channel.Yuan;
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
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.internal.util.AlipayLogger;
import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;

/**
 * Alipay through the official SDK ({@code alipay-sdk-java}), public-key mode with RSA2: mobile-web payment
 * (alipay.trade.wap.pay) as a signed GET URL, notifications checked with {@link AlipaySignature#rsaCheckV1} on a copy
 * of the parameters, query, close and refund. SDK calls block, so they run on boundedElastic. The SDK's own logger
 * is switched off: it would write request parameters and response bodies.
 */
final class AlipayChannel implements PaymentChannel {

    static final String CHARSET = "UTF-8";
    static final String SIGN_TYPE = "RSA2";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST";
    /** Alipay's limit for refund_reason, in characters. */
    private static final int REASON_LIMIT = 256;

    private final AlipaySettings settings;
    private final String alipayPublicKey;
    private final AlipayClient client;
    private final Clock clock;

    AlipayChannel(AlipaySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.alipayPublicKey = settings.resolvedAlipayPublicKey();
        AlipayLogger.setNeedEnableLogger(false);
        AlipayConfig config = new AlipayConfig();
        config.setServerUrl(settings.gatewayUrl().strip());
        config.setAppId(settings.appId());
        config.setPrivateKey(settings.resolvedAppPrivateKey());
        config.setAlipayPublicKey(alipayPublicKey);
        config.setFormat("json");
        config.setCharset(CHARSET);
        config.setSignType(SIGN_TYPE);
        config.setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
        config.setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()));
        try {
            this.client = new DefaultAlipayClient(config);
        } catch (AlipayApiException e) {
            throw new IllegalStateException("Cannot create the Alipay client: " + e.getErrCode());
        }
    }

    @Override
    public PaymentChannelId id() {
        return PaymentChannelId.ALIPAY;
    }

    /** The seller's Alipay user id (PID): notifications carry it as {@code seller_id}. */
    @Override
    public String merchantId() {
        return settings.sellerId();
    }

    // ---- open -----------------------------------------------------------------------------------------------------

    /**
     * A signed alipay.trade.wap.pay GET URL on the gateway (no call is made until the payer opens it; until then
     * alipay.trade.query knows no such trade and {@link #query} answers UNKNOWN).
     */
    @Override
    public Mono<Checkout> open(ChannelOrder order, boolean inWechat) {
        return call("wap pay", () -> {
            String back = SettingsCheck.blank(order.returnUrl()) ? settings.returnUrl() : order.returnUrl();
            AlipayTradeWapPayModel model = new AlipayTradeWapPayModel();
            model.setOutTradeNo(order.orderNo());
            model.setTotalAmount(Yuan.of(order.amountFen()));
            model.setSubject(order.description());
            model.setProductCode("QUICK_WAP_WAY");
            model.setSellerId(settings.sellerId());
            if (order.expiresAt() != null) {
                model.setTimeExpire(TIME.format(order.expiresAt().atZone(BillText.BEIJING)));
            }
            AlipayTradeWapPayRequest request = new AlipayTradeWapPayRequest();
            request.setNotifyUrl(settings.notifyUrl());
            if (!SettingsCheck.blank(back)) {
                request.setReturnUrl(back);
                model.setQuitUrl(back);
            }
            request.setBizModel(model);
            return Checkout.redirect(client.pageExecute(request, "GET").getBody());
        });
    }

    // ---- notifications --------------------------------------------------------------------------------------------

    @Override
    public Mono<ChannelNotice> verify(NotificationRequest request) {
        return Mono.fromSupplier(() -> decode(request));
    }

    private ChannelNotice decode(NotificationRequest request) {
        Map<String, String> params = new HashMap<>();
        if (request.form() != null) {
            request.form().forEach((name, values) -> {
                if (values != null && !values.isEmpty()) {
                    params.put(name, values.get(0));
                }
            });
        }
        if (SettingsCheck.blank(params.get("sign"))) {
            return new ChannelNotice.Forged(Phrase.of("notify.forged.noSignature"));
        }
        if (!signatureValid(params, alipayPublicKey)) {
            return new ChannelNotice.Forged(Phrase.of("notify.forged.badSignature"));
        }
        if (!settings.appId().equals(params.get("app_id"))) {
            return new ChannelNotice.Forged(Phrase.of("notify.forged.otherApp"));
        }
        try {
            return notice(params);
        } catch (RuntimeException e) {
            return new ChannelNotice.Forged(Phrase.of("notify.forged.unreadable"));
        }
    }

    /**
     * RSA2 over the sorted parameters without sign and sign_type, as Alipay signs its notifications. The SDK removes
     * sign and sign_type from the map it is given, so it gets a copy: the caller's parameters stay as they arrived.
     */
    static boolean signatureValid(Map<String, String> params, String alipayPublicKey) {
        try {
            return AlipaySignature.rsaCheckV1(new HashMap<>(params), alipayPublicKey, CHARSET, SIGN_TYPE);
        } catch (AlipayApiException | RuntimeException e) {
            return false;
        }
    }

    private ChannelNotice notice(Map<String, String> params) {
        String orderNo = required(params, "out_trade_no");
        String tradeNo = params.get("trade_no");
        String seller = params.get("seller_id");
        // A refund is reported on the trade (trade_status_sync) with the refund request number in out_biz_no;
        // refund_fee is the trade's total refunded so far.
        if (!SettingsCheck.blank(params.get("out_biz_no")) && !SettingsCheck.blank(params.get("refund_fee"))
                && !SettingsCheck.blank(params.get("gmt_refund"))) {
            return new ChannelNotice.RefundResult(seller, orderNo, params.get("out_biz_no"), tradeNo,
                    Yuan.toFen(params.get("refund_fee")), true, BillText.beijingTime(params.get("gmt_refund")));
        }
        ChannelOutcome outcome = outcome(required(params, "trade_status"));
        long amountFen = Yuan.toFen(required(params, "total_amount"));
        String time = outcome == ChannelOutcome.PAID ? params.get("gmt_payment")
                : outcome == ChannelOutcome.CLOSED ? params.get("gmt_close") : null;
        if (SettingsCheck.blank(time)) {
            time = params.get("notify_time");
        }
        Instant at = SettingsCheck.blank(time) ? clock.instant() : BillText.beijingTime(time);
        return new ChannelNotice.PaymentResult(seller, orderNo, tradeNo, amountFen, outcome, at);
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (SettingsCheck.blank(value)) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    static ChannelOutcome outcome(String tradeStatus) {
        return switch (tradeStatus) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> ChannelOutcome.PAID;
            case "TRADE_CLOSED" -> ChannelOutcome.CLOSED;
            case "WAIT_BUYER_PAY" -> ChannelOutcome.PENDING;
            default -> throw new IllegalArgumentException("unknown trade status");
        };
    }

    /** Alipay stops sending once it reads exactly {@code success}. */
    @Override
    public NotificationAnswer acknowledge() {
        return new NotificationAnswer(200, "text/plain", "success");
    }

    /** Anything but {@code success} makes Alipay send again later. */
    @Override
    public NotificationAnswer reject(String reason) {
        return new NotificationAnswer(401, "text/plain", "fail");
    }

    // ---- query, close, refund ---------------------------------------------------------------------------------------

    @Override
    public Mono<ChannelQuery> query(String orderNo) {
        return call("query", () -> {
            AlipayTradeQueryModel model = new AlipayTradeQueryModel();
            model.setOutTradeNo(orderNo);
            AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
            request.setBizModel(model);
            AlipayTradeQueryResponse response = client.execute(request);
            if (!response.isSuccess()) {
                if (TRADE_NOT_EXIST.equals(response.getSubCode())) {
                    return new ChannelQuery(orderNo, ChannelOutcome.UNKNOWN, null, 0, null);
                }
                throw refused("query", response);
            }
            ChannelOutcome outcome = outcome(response.getTradeStatus());
            boolean paid = outcome == ChannelOutcome.PAID;
            return new ChannelQuery(orderNo, outcome, paid ? response.getTradeNo() : null,
                    Yuan.toFen(response.getTotalAmount()),
                    paid && response.getSendPayDate() != null ? response.getSendPayDate().toInstant() : null);
        });
    }

    @Override
    public Mono<Void> close(String orderNo) {
        return call("close", () -> {
            AlipayTradeCloseModel model = new AlipayTradeCloseModel();
            model.setOutTradeNo(orderNo);
            AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
            request.setBizModel(model);
            AlipayTradeCloseResponse response = client.execute(request);
            if (!response.isSuccess() && !TRADE_NOT_EXIST.equals(response.getSubCode())) {
                throw refused("close", response);
            }
            return true;
        }).then();
    }

    @Override
    public Mono<RefundAnswer> refund(RefundRequest refund) {
        return call("refund", () -> {
            AlipayTradeRefundModel model = new AlipayTradeRefundModel();
            model.setOutTradeNo(refund.orderNo());
            if (!SettingsCheck.blank(refund.transactionId())) {
                model.setTradeNo(refund.transactionId());
            }
            model.setRefundAmount(Yuan.of(refund.refundFen()));
            model.setOutRequestNo(refund.refundNo());
            model.setRefundReason(reason(refund.reason()));
            AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
            request.setBizModel(model);
            AlipayTradeRefundResponse response = client.execute(request);
            if (response.isSuccess()) {
                // Repeating a refund number answers success again without moving money twice (fund_change=N).
                return new RefundAnswer(refund.refundNo(), RefundAnswer.Status.SUCCEEDED, response.getTradeNo(), null);
            }
            if (outcomeUnknown(response)) {
                throw refused("refund", response); // retrying with the same out_request_no refunds at most once
            }
            return new RefundAnswer(refund.refundNo(), RefundAnswer.Status.FAILED, null, response.getSubCode());
        });
    }

    /** A system error or an unknown one: Alipay's advice is to retry with the same request number. */
    private static boolean outcomeUnknown(AlipayResponse response) {
        String subCode = response.getSubCode() == null ? "" : response.getSubCode();
        return "20000".equals(response.getCode()) || subCode.contains("SYSTEM_ERROR") || subCode.startsWith("isp.");
    }

    private static String reason(String reason) {
        if (SettingsCheck.blank(reason)) {
            return null;
        }
        String stripped = reason.strip();
        return stripped.codePointCount(0, stripped.length()) <= REASON_LIMIT ? stripped
                : stripped.substring(0, stripped.offsetByCodePoints(0, REASON_LIMIT));
    }

    @Override
    public List<BillLine> parseBill(byte[] bill) throws BillFormatException {
        return AlipayBill.parse(bill);
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------------

    private static ChannelCallException refused(String operation, AlipayResponse response) {
        return new ChannelCallException("Alipay " + operation + " failed: " + response.getCode() + " "
                + response.getSubCode());
    }

    private static <T> Mono<T> call(String operation, Callable<T> sdkCall) {
        return ChannelCalls.blocking(sdkCall,
                e -> new ChannelCallException("Alipay " + operation + " failed: " + errorCode(e)));
    }

    /**
     * What went wrong, looking through the SDK's wrapping: its error code, a failed answer signature, or no
     * connection. Never the SDK's message as such, which may quote the response.
     */
    private static String errorCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AlipayApiException alipay && !SettingsCheck.blank(alipay.getErrCode())) {
                return alipay.getErrCode();
            }
            if (t instanceof IOException) {
                return "cannot reach Alipay (" + t.getClass().getSimpleName() + ")";
            }
            if (t instanceof AlipayApiException && t.getMessage() != null
                    && t.getMessage().startsWith("sign check fail")) {
                return "the answer's signature is not valid";
            }
        }
        return e.getClass().getSimpleName();
    }
}
