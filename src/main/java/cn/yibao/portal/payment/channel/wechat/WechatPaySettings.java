package cn.yibao.portal.payment.channel.wechat;

import cn.yibao.portal.payment.channel.SettingsCheck;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WeChat Pay (APIv3, direct merchant) settings, {@code portal.payment.wechat.*}. The channel exists only with
 * {@code enabled=true}; then every required key must be set (see {@link #problems()}).
 *
 * @param mchid                  商户号
 * @param appid                  the official account's AppID (公众号, bound to the merchant): JSAPI and H5 both use it
 * @param merchantSerialNumber   商户 API 证书序列号
 * @param privateKeyPath         商户 API 私钥 apiclient_key.pem (PKCS#8 PEM)
 * @param apiV3Key               APIv3 密钥, 32 characters: decrypts notifications
 * @param platformPublicKeyPath  微信支付公钥 (PEM), with its id {@code platformPublicKeyId} (PUB_KEY_ID_…)
 * @param platformCertificatePath 微信支付平台证书 (PEM), for merchants not yet moved to the platform public key
 * @param notifyUrl              where WeChat Pay posts payment and refund results:
 *                               {@code https://<portal>/api/v1/payments/notify/WECHAT_PAY}
 * @param h5AppName              H5 scene: the site name WeChat shows
 * @param h5AppUrl               H5 scene: the site URL
 * @param baseUrl                the API host; tests point it at a local server
 */
@ConfigurationProperties("portal.payment.wechat")
record WechatPaySettings(boolean enabled, String mchid, String appid, String merchantSerialNumber,
                         String privateKeyPath, String apiV3Key, String platformPublicKeyPath,
                         String platformPublicKeyId, String platformCertificatePath, String notifyUrl,
                         String h5AppName, String h5AppUrl,
                         @DefaultValue("https://api.mch.weixin.qq.com") String baseUrl,
                         @DefaultValue("5s") Duration connectTimeout,
                         @DefaultValue("10s") Duration readTimeout) {

    static final String PREFIX = "portal.payment.wechat.";
    static final String DEFAULT_BASE_URL = "https://api.mch.weixin.qq.com";

    boolean usesPlatformPublicKey() {
        return !SettingsCheck.blank(platformPublicKeyPath);
    }

    /** Every missing or wrong setting, named by key (never by value). */
    List<String> problems() {
        return check().problems();
    }

    /**
     * @throws IllegalStateException naming every missing or wrong setting
     */
    void requireComplete() {
        check().throwIfAny("WeChat Pay");
    }

    private SettingsCheck check() {
        SettingsCheck check = new SettingsCheck(PREFIX)
                .require("mchid", mchid)
                .require("appid", appid)
                .require("merchant-serial-number", merchantSerialNumber)
                .require("private-key-path", privateKeyPath)
                .readableFile("private-key-path", privateKeyPath)
                .require("api-v3-key", apiV3Key)
                .require("notify-url", notifyUrl)
                .httpUrl("notify-url", notifyUrl)
                .require("base-url", baseUrl)
                .httpUrl("base-url", baseUrl)
                .httpUrl("h5-app-url", h5AppUrl);
        if (!SettingsCheck.blank(apiV3Key)) {
            check.check(apiV3Key.getBytes(StandardCharsets.UTF_8).length == 32, "api-v3-key",
                    "must be 32 characters long");
        }
        boolean publicKey = !SettingsCheck.blank(platformPublicKeyPath);
        boolean certificate = !SettingsCheck.blank(platformCertificatePath);
        check.check(publicKey || certificate, "platform-public-key-path",
                "set WeChat Pay's public key (platform-public-key-path and platform-public-key-id) or the platform"
                        + " certificate (platform-certificate-path)");
        if (publicKey) {
            check.require("platform-public-key-id", platformPublicKeyId)
                    .readableFile("platform-public-key-path", platformPublicKeyPath);
        } else if (certificate) {
            check.readableFile("platform-certificate-path", platformCertificatePath);
        }
        return check;
    }
}
