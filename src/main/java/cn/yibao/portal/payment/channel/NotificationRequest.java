package cn.yibao.portal.payment.channel;

import java.util.List;
import java.util.Map;

/**
 * A notification as it arrived, before anything is trusted: header names in lower case, the raw body (WeChat signs
 * the exact bytes), and form parameters (Alipay posts a form).
 */
public record NotificationRequest(Map<String, String> headers, byte[] body, Map<String, List<String>> form) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
