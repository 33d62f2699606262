package cn.yibao.portal.payment.channel.alipay;

import cn.yibao.portal.payment.channel.LoopbackServer;
import cn.yibao.portal.payment.channel.NotificationRequest;
import cn.yibao.portal.payment.channel.TestKeys;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A made-up Alipay application for one test: its key pair, the key pair Alipay would sign with, and helpers that
 * sign as Alipay does (RSA2 over the sorted parameters) and read our signed requests.
 */
final class AlipayFixture {

    static final String APP_ID = "2021000000000001";
    static final String SELLER_ID = "2088123456789012";
    static final String NOTIFY_URL = "https://portal.example.cn/api/v1/payments/notify/ALIPAY";
    static final String RETURN_URL = "https://portal.example.cn/payment";

    final KeyPair app = TestKeys.named("alipay app");
    final KeyPair alipay = TestKeys.named("alipay platform");

    AlipaySettings settings(String gatewayUrl) {
        return new AlipaySettings(true, APP_ID, TestKeys.base64(app.getPrivate()), null,
                TestKeys.base64(alipay.getPublic()), null, SELLER_ID, gatewayUrl, NOTIFY_URL, RETURN_URL,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    AlipayChannel channel(String gatewayUrl, Clock clock) {
        return new AlipayChannel(settings(gatewayUrl), clock);
    }

    /** "k=v&…" over the non-empty parameters in key order, without {@code sign} (and, for notifications, sign_type). */
    static String signContent(Map<String, String> params, boolean withoutSignType) {
        return new TreeMap<>(params).entrySet().stream()
                .filter(e -> !e.getKey().equals("sign") && !(withoutSignType && e.getKey().equals("sign_type")))
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    /** A payment-result notification as Alipay posts it, signed with {@code key}. */
    static Map<String, String> notification(Map<String, String> fields, PrivateKey key) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("gmt_create", "2024-01-01 10:05:00");
        params.put("charset", "utf-8");
        params.put("seller_email", "yibao-pay@example.cn");
        params.put("subject", "城乡居民医保 2024 年度个人缴费");
        params.put("buyer_id", "2088102177846875");
        params.put("invoice_amount", "380.00");
        params.put("notify_id", "2024010100222100521093561458503617");
        params.put("fund_bill_list", "[{\"amount\":\"380.00\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
        params.put("notify_type", "trade_status_sync");
        params.put("trade_status", "TRADE_SUCCESS");
        params.put("receipt_amount", "380.00");
        params.put("buyer_pay_amount", "380.00");
        params.put("app_id", APP_ID);
        params.put("seller_id", SELLER_ID);
        params.put("gmt_payment", "2024-01-01 10:05:21");
        params.put("notify_time", "2024-01-01 10:05:22");
        params.put("version", "1.0");
        params.put("out_trade_no", "P20240101000002");
        params.put("total_amount", "380.00");
        params.put("trade_no", "2024010122001412340501234567");
        params.put("auth_app_id", APP_ID);
        params.put("buyer_logon_id", "zha***@163.com");
        params.put("point_amount", "0.00");
        params.putAll(fields);
        params.put("sign_type", "RSA2");
        params.put("sign", TestKeys.sign(key, signContent(params, true)));
        return params;
    }

    static NotificationRequest request(Map<String, String> params) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        params.forEach((name, value) -> form.put(name, List.of(value)));
        return new NotificationRequest(Map.of("content-type", "application/x-www-form-urlencoded; charset=utf-8"),
                new byte[0], form);
    }

    // ---- the gateway ------------------------------------------------------------------------------------------------

    /** Query and form parameters of a request to the gateway, decoded. */
    static Map<String, String> parameters(LoopbackServer.Request request) {
        Map<String, String> params = new TreeMap<>();
        int query = request.pathAndQuery().indexOf('?');
        if (query >= 0) {
            params.putAll(decode(request.pathAndQuery().substring(query + 1)));
        }
        params.putAll(decode(request.body()));
        return params;
    }

    static Map<String, String> decode(String form) {
        Map<String, String> params = new TreeMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** True when the parameters carry our application's RSA2 signature (Alipay signs requests with sign_type in). */
    boolean signedByApp(Map<String, String> params) {
        return TestKeys.verify(app.getPublic(), signContent(params, false), params.get("sign"));
    }

    /** The gateway's answer: the method's response node and Alipay's signature over exactly that node. */
    LoopbackServer.Response answer(String method, String responseNode) {
        String body = "{\"" + method.replace('.', '_') + "_response\":" + responseNode + ",\"sign\":\""
                + TestKeys.sign(alipay.getPrivate(), responseNode) + "\"}";
        return new LoopbackServer.Response(200, Map.of("Content-Type", "text/html;charset=utf-8"), body);
    }
}
