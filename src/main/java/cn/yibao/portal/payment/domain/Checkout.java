package cn.yibao.portal.payment.domain;

import java.util.Map;

/**
 * How the payer continues at the channel: a URL to open ({@code payUrl}), or, for WeChat JSAPI inside the WeChat
 * webview, the signed parameters for {@code WeixinJSBridge} ({@code jsapiParameters}, otherwise empty).
 */
public record Checkout(String payUrl, Map<String, String> jsapiParameters) {

    public static Checkout redirect(String payUrl) {
        return new Checkout(payUrl, Map.of());
    }
}
