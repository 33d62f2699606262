package cn.yibao.portal.payment.channel.alipay;

import cn.yibao.portal.payment.channel.SettingsCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alipay (OpenAPI, public-key mode, RSA2) settings, {@code portal.payment.alipay.*}. The channel exists only with
 * {@code enabled=true}; then every required key must be set (see {@link #problems()}). Each key may be given as its
 * Base64 text or as a file (PEM or bare Base64).
 *
 * @param appId               the application's APPID on the Alipay open platform
 * @param appPrivateKey       应用私钥 (PKCS#8, Base64), or {@code appPrivateKeyPath}
 * @param alipayPublicKey     支付宝公钥 (not the application's public key), or {@code alipayPublicKeyPath}
 * @param sellerId            the merchant's Alipay user id (PID, 2088…): notifications for another seller are not ours
 * @param gatewayUrl          the OpenAPI gateway; tests point it at a local server
 * @param notifyUrl           where Alipay posts results: {@code https://<portal>/api/v1/payments/notify/ALIPAY}
 * @param returnUrl           where the payer comes back when the order has no page of its own (optional)
 */
@ConfigurationProperties("portal.payment.alipay")
record AlipaySettings(boolean enabled, String appId, String appPrivateKey, String appPrivateKeyPath,
                      String alipayPublicKey, String alipayPublicKeyPath, String sellerId,
                      @DefaultValue("https://openapi.alipay.com/gateway.do") String gatewayUrl,
                      String notifyUrl, String returnUrl,
                      @DefaultValue("5s") Duration connectTimeout,
                      @DefaultValue("15s") Duration readTimeout) {

    static final String PREFIX = "portal.payment.alipay.";

    /** Every missing or wrong setting, named by key (never by value). */
    List<String> problems() {
        return check().problems();
    }

    /**
     * @throws IllegalStateException naming every missing or wrong setting
     */
    void requireComplete() {
        check().throwIfAny("Alipay");
    }

    private SettingsCheck check() {
        return new SettingsCheck(PREFIX)
                .require("app-id", appId)
                .check(!SettingsCheck.blank(appPrivateKey) || !SettingsCheck.blank(appPrivateKeyPath),
                        "app-private-key", "missing (or set app-private-key-path)")
                .readableFile("app-private-key-path", appPrivateKeyPath)
                .check(!SettingsCheck.blank(alipayPublicKey) || !SettingsCheck.blank(alipayPublicKeyPath),
                        "alipay-public-key", "missing (or set alipay-public-key-path)")
                .readableFile("alipay-public-key-path", alipayPublicKeyPath)
                .require("seller-id", sellerId)
                .require("gateway-url", gatewayUrl)
                .httpUrl("gateway-url", gatewayUrl)
                .require("notify-url", notifyUrl)
                .httpUrl("notify-url", notifyUrl)
                .httpUrl("return-url", returnUrl);
    }

    /** The application private key as the SDK wants it: bare Base64 of PKCS#8. */
    String resolvedAppPrivateKey() {
        return key(appPrivateKey, appPrivateKeyPath);
    }

    /** Alipay's public key as the SDK wants it: bare Base64 of the X.509 SubjectPublicKeyInfo. */
    String resolvedAlipayPublicKey() {
        return key(alipayPublicKey, alipayPublicKeyPath);
    }

    private static String key(String value, String path) {
        String text = value;
        if (SettingsCheck.blank(text)) {
            try {
                text = Files.readString(Path.of(path), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read key file " + path, e);
            }
        }
        return text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s+", "");
    }
}
