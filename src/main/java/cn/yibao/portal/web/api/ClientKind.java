package cn.yibao.portal.web.api;

/**
 * Where the page is shown. Inside the WeChat and Alipay in-app webviews the app already draws a title bar, so
 * our page header is left out; later the matching payment channel is the default there.
 */
public enum ClientKind {
    BROWSER,
    WECHAT,
    ALIPAY;

    public static ClientKind fromUserAgent(String userAgent) {
        if (userAgent == null) {
            return BROWSER;
        }
        if (userAgent.contains("MicroMessenger")) {
            return WECHAT;
        }
        if (userAgent.contains("AlipayClient")) {
            return ALIPAY;
        }
        return BROWSER;
    }

    public boolean inAppWebview() {
        return this != BROWSER;
    }
}
