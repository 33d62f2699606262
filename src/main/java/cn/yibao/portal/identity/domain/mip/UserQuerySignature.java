package cn.yibao.portal.identity.domain.mip;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code god-portal-*} headers of a userQuery call: {@code god-portal-signature} is
 * {@code hex(HMAC-SHA256(partnerSecret, partnerId + timestamp))} with the timestamp in milliseconds as sent in
 * {@code god-portal-timestamp}. A receiver accepts a timestamp only within a window around its own clock.
 */
public final class UserQuerySignature {

    public static final String TIMESTAMP_HEADER = "god-portal-timestamp";
    public static final String REQUEST_ID_HEADER = "god-portal-request-id";
    public static final String SIGNATURE_HEADER = "god-portal-signature";

    private UserQuerySignature() {
    }

    public enum Check {
        VALID, MISSING, STALE_TIMESTAMP, WRONG_SIGNATURE
    }

    public static String sign(String partnerId, String partnerSecret, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(partnerSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((partnerId + timestampMillis).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Checks received headers against the partner's secret; the timestamp must lie within {@code window} of now. */
    public static Check check(String partnerId, String partnerSecret, String timestampHeader, String signatureHeader,
                              Instant now, Duration window) {
        if (timestampHeader == null || signatureHeader == null || !timestampHeader.matches("\\d{1,15}")) {
            return Check.MISSING;
        }
        long timestamp = Long.parseLong(timestampHeader);
        if (Math.abs(now.toEpochMilli() - timestamp) > window.toMillis()) {
            return Check.STALE_TIMESTAMP;
        }
        byte[] expected = sign(partnerId, partnerSecret, timestamp).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Check.VALID : Check.WRONG_SIGNATURE;
    }
}
