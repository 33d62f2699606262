package cn.yibao.portal.identity.domain.mip;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The channel envelope of the national services (1101 and the others):
 * {@code {appId, encData, encType:"SM4", signType:"SM2", timestamp, version, signData}}. {@code signData} is the
 * SM3withSM2 signature of the {@link SignString} over {@code appId, data (the plain JSON), encType, signType,
 * timestamp, version} plus {@code &key=appSecret}; {@code encData} is the plain JSON under SM4-ECB.
 */
public record ChannelEnvelope(String appId, String encData, String encType, String signType, String timestamp,
                              String version, String signData) {

    public static final String ENC_TYPE = "SM4";
    public static final String SIGN_TYPE = "SM2";

    /**
     * One side's keys for the envelope: the channel's app id and secret, the SM4 key and how {@code encData} is
     * written, its own SM2 private key (to seal) and the other side's public key (to open), the signer id.
     */
    public record Keys(String appId, String appSecret, byte[] sm4Key, Sm4Ecb.Encoding encoding, String ownPrivateKeyHex,
                       String peerPublicKeyHex, String userId, String version) {

        @Override
        public String toString() {
            // Never the secret or the keys in a log line.
            return "ChannelEnvelope.Keys[appId=" + appId + ", encoding=" + encoding + ", version=" + version + "]";
        }
    }

    public sealed interface Opening permits Opened, Refused {
    }

    public record Opened(String dataJson) implements Opening {
    }

    public record Refused(Reason reason) implements Opening {
    }

    public enum Reason {
        INCOMPLETE, UNKNOWN_APP, UNSUPPORTED_ALGORITHM, STALE_TIMESTAMP, UNREADABLE, WRONG_SIGNATURE
    }

    public static ChannelEnvelope seal(String dataJson, Instant now, Keys keys) {
        String timestamp = Long.toString(now.toEpochMilli());
        String signData = Sm2Signatures.sign(signString(keys.appId(), dataJson, timestamp, keys.version(), keys.appSecret()),
                keys.ownPrivateKeyHex(), keys.userId());
        String encData = keys.encoding().encode(Sm4Ecb.encrypt(keys.sm4Key(), dataJson.getBytes(StandardCharsets.UTF_8)));
        return new ChannelEnvelope(keys.appId(), encData, ENC_TYPE, SIGN_TYPE, timestamp, keys.version(), signData);
    }

    /** Decrypts and checks an envelope from the other side; its timestamp must lie within {@code window} of now. */
    public Opening open(Instant now, Duration window, Keys keys) {
        if (appId == null || encData == null || timestamp == null || signData == null) {
            return new Refused(Reason.INCOMPLETE);
        }
        if (!appId.equals(keys.appId())) {
            return new Refused(Reason.UNKNOWN_APP);
        }
        if (!ENC_TYPE.equals(encType) || !SIGN_TYPE.equals(signType)) {
            return new Refused(Reason.UNSUPPORTED_ALGORITHM);
        }
        if (!timestamp.matches("\\d{1,15}") || Math.abs(now.toEpochMilli() - Long.parseLong(timestamp)) > window.toMillis()) {
            return new Refused(Reason.STALE_TIMESTAMP);
        }
        String dataJson;
        try {
            dataJson = new String(Sm4Ecb.decrypt(keys.sm4Key(), keys.encoding().decode(encData)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unreadable) {
            return new Refused(Reason.UNREADABLE);
        }
        if (!Sm2Signatures.verify(signString(appId, dataJson, timestamp, version, keys.appSecret()), signData,
                keys.peerPublicKeyHex(), keys.userId())) {
            return new Refused(Reason.WRONG_SIGNATURE);
        }
        return new Opened(dataJson);
    }

    static String signString(String appId, String dataJson, String timestamp, String version, String appSecret) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appId", appId);
        fields.put("data", dataJson);
        fields.put("encType", ENC_TYPE);
        fields.put("signType", SIGN_TYPE);
        fields.put("timestamp", timestamp);
        fields.put("version", version);
        return SignString.of(fields, appSecret);
    }

    /** The envelope as the JSON object's fields, in the order the platform writes them. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appId", appId);
        fields.put("encData", encData);
        fields.put("encType", encType);
        fields.put("signType", signType);
        fields.put("timestamp", timestamp);
        fields.put("version", version);
        fields.put("signData", signData);
        return fields;
    }

    public static ChannelEnvelope of(Map<String, ?> fields) {
        return new ChannelEnvelope(text(fields, "appId"), text(fields, "encData"), text(fields, "encType"),
                text(fields, "signType"), text(fields, "timestamp"), text(fields, "version"), text(fields, "signData"));
    }

    private static String text(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
