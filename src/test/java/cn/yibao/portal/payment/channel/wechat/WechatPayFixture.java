package cn.yibao.portal.payment.channel.wechat;

import cn.yibao.portal.payment.channel.LoopbackServer;
import cn.yibao.portal.payment.channel.NotificationRequest;
import cn.yibao.portal.payment.channel.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A made-up WeChat Pay merchant for one test: its API key pair, the "platform" key pair WeChat Pay would sign with,
 * an APIv3 key, and helpers that sign and encrypt exactly as WeChat Pay does.
 */
final class WechatPayFixture {

    static final String MCHID = "1900000109";
    static final String APPID = "wx8888888888888888";
    static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000001092024010100000000000001";
    static final String API_V3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
    static final String NOTIFY_URL = "https://portal.example.cn/api/v1/payments/notify/WECHAT_PAY";

    final KeyPair merchant = TestKeys.named("wechat merchant");
    final KeyPair platform = TestKeys.named("wechat platform");
    final Path privateKeyFile;
    final Path platformPublicKeyFile;

    WechatPayFixture(Path directory) {
        this.privateKeyFile = TestKeys.pem(directory, "apiclient_key.pem", merchant.getPrivate());
        this.platformPublicKeyFile = TestKeys.pem(directory, "pub_key.pem", platform.getPublic());
    }

    WechatPaySettings settings(String baseUrl) {
        return new WechatPaySettings(true, MCHID, APPID, MERCHANT_SERIAL, privateKeyFile.toString(), API_V3_KEY,
                platformPublicKeyFile.toString(), PUBLIC_KEY_ID, null, NOTIFY_URL, "城乡居民医保缴费",
                "https://portal.example.cn", baseUrl, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    WechatPayChannel channel(String baseUrl, Clock clock) {
        return new WechatPayChannel(settings(baseUrl), Duration.ofMinutes(5), clock);
    }

    // ---- notifications, as WeChat Pay sends them -------------------------------------------------------------------

    /** The notification body for a decrypted resource, encrypted with {@code apiV3Key}. */
    static String notificationBody(String eventType, String originalType, String plaintext, String apiV3Key) {
        String nonce = "fdasflkja484";
        String ciphertext = encrypt(apiV3Key, originalType, nonce, plaintext);
        return "{\"id\":\"EV-" + UUID.randomUUID() + "\",\"create_time\":\"2024-01-01T10:00:13+08:00\","
                + "\"resource_type\":\"encrypt-resource\",\"event_type\":\"" + eventType + "\","
                + "\"summary\":\"支付成功\",\"resource\":{\"original_type\":\"" + originalType + "\","
                + "\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"" + ciphertext + "\","
                + "\"associated_data\":\"" + originalType + "\",\"nonce\":\"" + nonce + "\"}}";
    }

    /** AES-256-GCM with a 128-bit tag, Base64 of ciphertext‖tag, as in WeChat Pay's notification resource. */
    static String encrypt(String apiV3Key, String associatedData, String nonce, String plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Headers signed over {@code timestamp\nnonce\nbody\n} with {@code key}, as WeChat Pay signs a notification. */
    static NotificationRequest signed(String body, Instant sentAt, PrivateKey key, String serial) {
        String timestamp = String.valueOf(sentAt.getEpochSecond());
        String nonce = "593BEC0C930BF1AFEB40B4A08C8FB242";
        Map<String, String> headers = new HashMap<>();
        headers.put("wechatpay-timestamp", timestamp);
        headers.put("wechatpay-nonce", nonce);
        headers.put("wechatpay-signature", TestKeys.sign(key, timestamp + "\n" + nonce + "\n" + body + "\n"));
        headers.put("wechatpay-serial", serial);
        headers.put("wechatpay-signature-type", "WECHATPAY2-SHA256-RSA2048");
        headers.put("content-type", "application/json");
        return new NotificationRequest(headers, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    NotificationRequest signedByPlatform(String body, Instant sentAt) {
        return signed(body, sentAt, platform.getPrivate(), PUBLIC_KEY_ID);
    }

    // ---- the API's answers, signed as WeChat Pay signs them ------------------------------------------------------------

    LoopbackServer.Response answer(int status, String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> headers = new HashMap<>();
        if (!body.isEmpty()) {
            headers.put("Content-Type", "application/json; charset=utf-8");
        }
        headers.put("Request-ID", "08F78BB5AF0610D1" + nonce.substring(0, 8));
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Serial", PUBLIC_KEY_ID);
        headers.put("Wechatpay-Signature", TestKeys.sign(platform.getPrivate(),
                timestamp + "\n" + nonce + "\n" + body + "\n"));
        return new LoopbackServer.Response(status, headers, body);
    }

    /** True when the request carries our merchant's WECHATPAY2-SHA256-RSA2048 signature over exactly what arrived. */
    boolean signedByMerchant(LoopbackServer.Request request) {
        String authorization = request.header("Authorization");
        String schema = "WECHATPAY2-SHA256-RSA2048 ";
        if (authorization == null || !authorization.startsWith(schema)) {
            return false;
        }
        Map<String, String> token = new HashMap<>();
        for (String part : List.of(authorization.substring(schema.length()).split(","))) {
            int equals = part.indexOf('=');
            token.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip().replace("\"", ""));
        }
        String message = request.method() + "\n" + request.pathAndQuery() + "\n" + token.get("timestamp") + "\n"
                + token.get("nonce_str") + "\n" + request.body() + "\n";
        return MCHID.equals(token.get("mchid")) && MERCHANT_SERIAL.equals(token.get("serial_no"))
                && TestKeys.verify(merchant.getPublic(), message, token.get("signature"));
    }
}
