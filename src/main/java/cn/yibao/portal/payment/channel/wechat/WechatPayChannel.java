package cn.yibao.portal.payment.channel.wechat;

import cn.yibao.portal.payment.channel.BillFormatException;
import cn.yibao.portal.payment.channel.ChannelCalls;
import cn.yibao.portal.payment.channel.ChannelCallException;
import cn.yibao.portal.payment.channel.NotificationAnswer;
import cn.yibao.portal.payment.channel.NotificationRequest;
import cn.yibao.portal.payment.channel.PaymentChannel;
import cn.yibao.portal.payment.channel.SettingsCheck;
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
import com.wechat.pay.java.core.Config;
import com.wechat.pay.java.core.RSAConfig;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.MalformedMessageException;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationConfig;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RSANotificationConfig;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.h5.H5Service;
import com.wechat.pay.java.service.payments.h5.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.h5.model.H5Info;
import com.wechat.pay.java.service.payments.h5.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.h5.model.SceneInfo;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayWithRequestPaymentResponse;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat Pay APIv3 through the official SDK ({@code wechatpay-java}), as a direct merchant: H5 payment outside
 * WeChat, JSAPI inside WeChat when the payer's openid is known; notifications checked by the SDK (platform public
 * key or certificate, AES-256-GCM with the APIv3 key) and by our own timestamp window; order query and close;
 * domestic refunds. SDK calls block, so they run on boundedElastic. Nothing here logs keys, bodies or openids.
 */
final class WechatPayChannel implements PaymentChannel {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** RFC 3339 with seconds and offset, as {@code time_expire} wants it: 2024-01-01T10:30:00+08:00. */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * WeChat Pay v3's documented answer bodies to a notification (success; failure when no reason is given): its
     * format, in its words, so these stay as WeChat writes them.
     */
    private static final String ACKNOWLEDGED = "{\"code\":\"SUCCESS\",\"message\":\"成功\"}";
    private static final String SIGNATURE_FAILED = "验签失败";
    /** WeChat's limit for a refund reason, in characters. */
    private static final int REASON_LIMIT = 80;

    private final WechatPaySettings settings;
    private final H5Service h5;
    private final JsapiServiceExtension jsapi;
    private final RefundService refunds;
    private final NotificationParser notifications;
    private final Duration notificationWindow;
    private final Clock clock;

    WechatPayChannel(WechatPaySettings settings, Duration notificationWindow, Clock clock) {
        this.settings = settings;
        this.notificationWindow = notificationWindow;
        this.clock = clock;
        Config config = config(settings);
        HttpClient http = new DefaultHttpClientBuilder().config(config).okHttpClient(okHttp(settings)).build();
        this.h5 = new H5Service.Builder().httpClient(http).build();
        this.jsapi = new JsapiServiceExtension.Builder().config(config).httpClient(http).build();
        this.refunds = new RefundService.Builder().httpClient(http).build();
        this.notifications = new NotificationParser(notificationConfig(settings, config));
    }

    private static Config config(WechatPaySettings settings) {
        if (settings.usesPlatformPublicKey()) {
            return new RSAPublicKeyConfig.Builder()
                    .merchantId(settings.mchid())
                    .privateKeyFromPath(settings.privateKeyPath())
                    .merchantSerialNumber(settings.merchantSerialNumber())
                    .publicKeyFromPath(settings.platformPublicKeyPath())
                    .publicKeyId(settings.platformPublicKeyId())
                    .apiV3Key(settings.apiV3Key())
                    .build();
        }
        return new RSAConfig.Builder()
                .merchantId(settings.mchid())
                .privateKeyFromPath(settings.privateKeyPath())
                .merchantSerialNumber(settings.merchantSerialNumber())
                .wechatPayCertificatesFromPath(settings.platformCertificatePath())
                .build();
    }

    private static NotificationConfig notificationConfig(WechatPaySettings settings, Config config) {
        if (config instanceof RSAPublicKeyConfig publicKeyConfig) {
            return publicKeyConfig;
        }
        return new RSANotificationConfig.Builder()
                .certificatesFromPath(settings.platformCertificatePath())
                .apiV3Key(settings.apiV3Key())
                .build();
    }

    private static OkHttpClient okHttp(WechatPaySettings settings) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (!WechatPaySettings.DEFAULT_BASE_URL.equals(settings.baseUrl().strip())) {
            builder.addInterceptor(new BaseUrlInterceptor(settings.baseUrl().strip()));
        }
        return builder.build();
    }

    @Override
    public PaymentChannelId id() {
        return PaymentChannelId.WECHAT_PAY;
    }

    @Override
    public String merchantId() {
        return settings.mchid();
    }

    // ---- open -----------------------------------------------------------------------------------------------------

    @Override
    public Mono<Checkout> open(ChannelOrder order, boolean inWechat) {
        boolean jsapiPayment = inWechat && !SettingsCheck.blank(order.payerOpenId());
        return call("prepay", () -> jsapiPayment ? jsapiCheckout(order) : h5Checkout(order));
    }

    private Checkout h5Checkout(ChannelOrder order) {
        var request = new com.wechat.pay.java.service.payments.h5.model.PrepayRequest();
        request.setAppid(settings.appid());
        request.setMchid(settings.mchid());
        request.setDescription(order.description());
        request.setOutTradeNo(order.orderNo());
        request.setTimeExpire(timeExpire(order.expiresAt()));
        request.setNotifyUrl(settings.notifyUrl());
        var amount = new com.wechat.pay.java.service.payments.h5.model.Amount();
        amount.setTotal(Math.toIntExact(order.amountFen()));
        amount.setCurrency("CNY");
        request.setAmount(amount);
        H5Info h5Info = new H5Info();
        h5Info.setType("Wap");
        h5Info.setAppName(blankToNull(settings.h5AppName()));
        h5Info.setAppUrl(blankToNull(settings.h5AppUrl()));
        SceneInfo scene = new SceneInfo();
        scene.setPayerClientIp(order.clientAddress());
        scene.setH5Info(h5Info);
        request.setSceneInfo(scene);
        String h5Url = h5.prepay(request).getH5Url();
        // WeChat sends the payer back here after the cashier (the page then waits for the result, it proves nothing).
        return Checkout.redirect(SettingsCheck.blank(order.returnUrl()) ? h5Url
                : h5Url + "&redirect_url=" + URLEncoder.encode(order.returnUrl(), StandardCharsets.UTF_8));
    }

    /**
     * JSAPI: the prepay id, signed by the SDK with our merchant key into the parameters the page hands to
     * {@code WeixinJSBridge.invoke('getBrandWCPayRequest', …)}. The payer stays on our payment page
     * ({@code returnUrl}), which invokes the bridge.
     */
    private Checkout jsapiCheckout(ChannelOrder order) {
        var request = new com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest();
        request.setAppid(settings.appid());
        request.setMchid(settings.mchid());
        request.setDescription(order.description());
        request.setOutTradeNo(order.orderNo());
        request.setTimeExpire(timeExpire(order.expiresAt()));
        request.setNotifyUrl(settings.notifyUrl());
        var amount = new com.wechat.pay.java.service.payments.jsapi.model.Amount();
        amount.setTotal(Math.toIntExact(order.amountFen()));
        amount.setCurrency("CNY");
        request.setAmount(amount);
        Payer payer = new Payer();
        payer.setOpenid(order.payerOpenId());
        request.setPayer(payer);
        PrepayWithRequestPaymentResponse signed = jsapi.prepayWithRequestPayment(request);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("appId", signed.getAppId());
        parameters.put("timeStamp", signed.getTimeStamp());
        parameters.put("nonceStr", signed.getNonceStr());
        parameters.put("package", signed.getPackageVal());
        parameters.put("signType", signed.getSignType());
        parameters.put("paySign", signed.getPaySign());
        return new Checkout(order.returnUrl(), Collections.unmodifiableMap(parameters));
    }

    private static String timeExpire(Instant expiresAt) {
        return expiresAt == null ? null
                : expiresAt.truncatedTo(ChronoUnit.SECONDS).atZone(BEIJING).format(RFC_3339);
    }

    // ---- notifications --------------------------------------------------------------------------------------------

    @Override
    public Mono<ChannelNotice> verify(NotificationRequest request) {
        return Mono.fromSupplier(() -> decode(request));
    }

    private ChannelNotice decode(NotificationRequest request) {
        String timestamp = request.header("Wechatpay-Timestamp");
        String nonce = request.header("Wechatpay-Nonce");
        String signature = request.header("Wechatpay-Signature");
        String serial = request.header("Wechatpay-Serial");
        if (SettingsCheck.blank(timestamp) || SettingsCheck.blank(nonce) || SettingsCheck.blank(signature)
                || SettingsCheck.blank(serial)) {
            return new ChannelNotice.Forged(Phrase.of("notify.forged.noSignature"));
        }
        if (!withinWindow(timestamp)) {
            return new ChannelNotice.Forged(Phrase.of("notify.forged.timestamp"));
        }
        RequestParam param = new RequestParam.Builder()
                .serialNumber(serial)
                .nonce(nonce)
                .signature(signature)
                .timestamp(timestamp)
                .signType(request.header("Wechatpay-Signature-Type"))
                .body(new String(request.body(), StandardCharsets.UTF_8))
                .build();
        NotifiedResource resource;
        try {
            resource = notifications.parse(param, NotifiedResource.class);
        } catch (ValidationException e) {
            return new ChannelNotice.Forged(Phrase.of("notify.forged.badSignature"));
        } catch (RuntimeException e) {
            // Decryption failed (wrong key, altered ciphertext), bad Base64, an unknown algorithm, no resource.
            return new ChannelNotice.Forged(Phrase.of("notify.forged.undecryptable"));
        }
        try {
            return notice(resource);
        } catch (RuntimeException e) {
            return new ChannelNotice.Forged(Phrase.of("notify.forged.unreadable"));
        }
    }

    private boolean withinWindow(String timestamp) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
            return Duration.between(sent, clock.instant()).abs().compareTo(notificationWindow) <= 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private ChannelNotice notice(NotifiedResource resource) {
        if (resource == null || resource.mchid == null || resource.outTradeNo == null || resource.amount == null) {
            throw new IllegalArgumentException("incomplete resource");
        }
        Instant at = resource.successTime == null ? clock.instant() : instant(resource.successTime);
        if (resource.isRefund()) {
            return new ChannelNotice.RefundResult(resource.mchid, resource.outTradeNo, required(resource.outRefundNo),
                    resource.refundId, required(resource.amount.refund), "SUCCESS".equals(resource.refundStatus), at);
        }
        return new ChannelNotice.PaymentResult(resource.mchid, resource.outTradeNo, resource.transactionId,
                required(resource.amount.total), outcome(required(resource.tradeState)), at);
    }

    private static <T> T required(T value) {
        if (value == null) {
            throw new IllegalArgumentException("missing field");
        }
        return value;
    }

    /** A trade state as WeChat reports it (notification or query). */
    static ChannelOutcome outcome(String tradeState) {
        return switch (tradeState) {
            // REFUND: paid, then (partly) refunded; the payment itself happened.
            case "SUCCESS", "REFUND" -> ChannelOutcome.PAID;
            case "NOTPAY", "USERPAYING", "ACCEPT" -> ChannelOutcome.PENDING;
            case "CLOSED", "REVOKED" -> ChannelOutcome.CLOSED;
            case "PAYERROR" -> ChannelOutcome.FAILED;
            default -> throw new IllegalArgumentException("unknown trade state");
        };
    }

    private static Instant instant(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).toInstant();
    }

    /** WeChat Pay v3: 200 (or 204) means received; no body is needed, this one is what older pages showed. */
    @Override
    public NotificationAnswer acknowledge() {
        return new NotificationAnswer(200, "application/json", ACKNOWLEDGED);
    }

    /** Any 4xx/5xx makes WeChat send the notification again later; the body follows its error format. */
    @Override
    public NotificationAnswer reject(String reason) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", "FAIL");
        body.put("message", reason == null ? SIGNATURE_FAILED : reason);
        return new NotificationAnswer(401, "application/json", JSON.writeValueAsString(body));
    }

    // ---- query, close, refund ---------------------------------------------------------------------------------------

    @Override
    public Mono<ChannelQuery> query(String orderNo) {
        return call("query", () -> {
            QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
            request.setMchid(settings.mchid());
            request.setOutTradeNo(orderNo);
            try {
                return answer(orderNo, h5.queryOrderByOutTradeNo(request));
            } catch (ServiceException e) {
                if (orderNotFound(e)) {
                    return new ChannelQuery(orderNo, ChannelOutcome.UNKNOWN, null, 0, null);
                }
                throw e;
            }
        });
    }

    private static ChannelQuery answer(String orderNo, Transaction transaction) {
        ChannelOutcome outcome = outcome(transaction.getTradeState().name());
        long amountFen = transaction.getAmount() == null || transaction.getAmount().getTotal() == null ? 0
                : transaction.getAmount().getTotal();
        boolean paid = outcome == ChannelOutcome.PAID;
        return new ChannelQuery(orderNo, outcome, paid ? transaction.getTransactionId() : null, amountFen,
                paid && transaction.getSuccessTime() != null ? instant(transaction.getSuccessTime()) : null);
    }

    @Override
    public Mono<Void> close(String orderNo) {
        return call("close", () -> {
            CloseOrderRequest request = new CloseOrderRequest();
            request.setMchid(settings.mchid());
            request.setOutTradeNo(orderNo);
            try {
                h5.closeOrder(request);
            } catch (ServiceException e) {
                if (!orderNotFound(e)) {
                    throw e;
                }
            }
            return true;
        }).then();
    }

    private static boolean orderNotFound(ServiceException e) {
        return "ORDER_NOT_EXIST".equals(e.getErrorCode()) || "ORDERNOTEXIST".equals(e.getErrorCode());
    }

    @Override
    public Mono<RefundAnswer> refund(RefundRequest request) {
        return call("refund", () -> {
            CreateRequest create = new CreateRequest();
            create.setOutTradeNo(request.orderNo());
            if (!SettingsCheck.blank(request.transactionId())) {
                create.setTransactionId(request.transactionId());
            }
            create.setOutRefundNo(request.refundNo());
            create.setReason(reason(request.reason()));
            create.setNotifyUrl(settings.notifyUrl());
            AmountReq amount = new AmountReq();
            amount.setRefund(request.refundFen());
            amount.setTotal(request.totalFen());
            amount.setCurrency("CNY");
            create.setAmount(amount);
            try {
                return answer(request.refundNo(), refunds.create(create));
            } catch (ServiceException e) {
                if (e.getHttpStatusCode() >= 500 || "SYSTEM_ERROR".equals(e.getErrorCode())
                        || "FREQUENCY_LIMITED".equals(e.getErrorCode())) {
                    throw e; // unknown outcome: retrying with the same refund number refunds at most once
                }
                return new RefundAnswer(request.refundNo(), RefundAnswer.Status.FAILED, null, e.getErrorCode());
            }
        });
    }

    private static RefundAnswer answer(String refundNo, Refund refund) {
        String status = refund.getStatus() == null ? "" : refund.getStatus().name();
        return switch (status) {
            case "SUCCESS" -> new RefundAnswer(refundNo, RefundAnswer.Status.SUCCEEDED, refund.getRefundId(), null);
            case "PROCESSING" -> new RefundAnswer(refundNo, RefundAnswer.Status.PROCESSING, refund.getRefundId(), null);
            // ABNORMAL: the money could not reach the payer (a closed bank card, say); handled at the merchant platform.
            case "CLOSED", "ABNORMAL" -> new RefundAnswer(refundNo, RefundAnswer.Status.FAILED, refund.getRefundId(),
                    status);
            default -> new RefundAnswer(refundNo, RefundAnswer.Status.PROCESSING, refund.getRefundId(), null);
        };
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
        return WechatTradeBill.parse(bill);
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------------

    private static <T> Mono<T> call(String operation, Callable<T> sdkCall) {
        return ChannelCalls.blocking(sdkCall, e -> translate(operation, e));
    }

    static ChannelCallException translate(String operation, Throwable e) {
        String what = "WeChat Pay " + operation + " failed: ";
        if (e instanceof ServiceException service) {
            return new ChannelCallException(what + "HTTP " + service.getHttpStatusCode() + " "
                    + service.getErrorCode());
        }
        if (e instanceof ValidationException) {
            return new ChannelCallException(what + "the answer's signature is not valid");
        }
        if (e instanceof HttpException) {
            return new ChannelCallException(what + "cannot reach WeChat Pay");
        }
        if (e instanceof MalformedMessageException) {
            return new ChannelCallException(what + "the answer cannot be read");
        }
        return new ChannelCallException(what + e.getClass().getSimpleName());
    }

    private static String blankToNull(String value) {
        return SettingsCheck.blank(value) ? null : value.strip();
    }
}
