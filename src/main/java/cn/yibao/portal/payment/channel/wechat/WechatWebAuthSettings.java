package cn.yibao.portal.payment.channel.wechat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WeChat web authorization (网页授权, {@code snsapi_base}) for JSAPI payment inside WeChat, from the same
 * {@code portal.payment.wechat.*} keys as WeChat Pay: the official account's AppID and its AppSecret. Without
 * {@code app-secret} there is no authorization, the payer's openid stays unknown, and inside WeChat only H5 is tried
 * (which WeChat itself does not allow there).
 *
 * @param appSecret         the official account's AppSecret (公众号 开发 → 基本配置); a secret: keep it out of files
 *                          others read
 * @param oauthAuthorizeUrl where the payer's WeChat asks for consent; tests point it elsewhere
 * @param oauthApiBaseUrl   where the code is exchanged for the openid; tests point it at a local server
 */
@ConfigurationProperties("portal.payment.wechat")
record WechatWebAuthSettings(String appid, String appSecret,
                             @DefaultValue(DEFAULT_AUTHORIZE_URL) String oauthAuthorizeUrl,
                             @DefaultValue(DEFAULT_API_BASE_URL) String oauthApiBaseUrl,
                             @DefaultValue("5s") Duration connectTimeout,
                             @DefaultValue("10s") Duration readTimeout) {

    static final String DEFAULT_AUTHORIZE_URL = "https://open.weixin.qq.com/connect/oauth2/authorize";
    static final String DEFAULT_API_BASE_URL = "https://api.weixin.qq.com";
}
