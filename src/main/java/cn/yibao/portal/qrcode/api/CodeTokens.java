package cn.yibao.portal.qrcode.api;

import cn.yibao.portal.qrcode.domain.SigningKey;
import cn.yibao.portal.shared.Phrase;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one compact token format for every code: 31 bytes (version, purpose, key id, subject UUID, issued and expiry
 * as epoch seconds, nonce) plus a 16-byte truncated HMAC-SHA256 tag, base64url without padding — 63 characters,
 * which fits a version-5 QR code at error correction M, quick to scan from a phone screen.
 */
public final class CodeTokens {

    private static final int VERSION = 1;
    private static final int PAYLOAD_BYTES = 1 + 1 + 1 + 16 + 4 + 4 + 4;
    private static final int TAG_BYTES = 16;
    private static final int TOKEN_BYTES = PAYLOAD_BYTES + TAG_BYTES;

    private CodeTokens() {
    }

    /** Why a code is not accepted ({@code code.refused.<name>} in the bundles). */
    public enum Reason {
        EXPIRED,
        BAD_SIGNATURE,
        WRONG_PURPOSE,
        REVOKED;

        public Phrase said() {
            return Phrase.of("code.refused." + name());
        }
    }

    public sealed interface Verification {
    }

    public record Verified(SignedCode code) implements Verification {
    }

    /** {@code code} is known when the signature held (expired, wrong purpose), else null. */
    public record Refused(Reason reason, SignedCode code) implements Verification {
    }

    public static String sign(SignedCode code, SigningKey key) {
        ByteBuffer payload = ByteBuffer.allocate(TOKEN_BYTES)
                .put((byte) VERSION)
                .put((byte) code.purpose().code())
                .put((byte) key.id())
                .putLong(code.subject().getMostSignificantBits())
                .putLong(code.subject().getLeastSignificantBits())
                .putInt((int) code.issuedAt().getEpochSecond())
                .putInt((int) code.expiresAt().getEpochSecond())
                .putInt(code.nonce());
        byte[] tag = tag(key, payload.array(), PAYLOAD_BYTES);
        payload.put(tag, 0, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
    }

    /**
     * Checks, in this order: well-formed and signed by a key we hold (else 签名无效), issued for one of the accepted
     * purposes (else 用途不符), not expired (else 已过期). Revocation is the caller's, who holds that list.
     */
    public static Verification verify(String token, Map<Integer, SigningKey> keys, Instant now,
                                      Set<CodePurpose> accepted) {
        byte[] bytes = decode(token);
        if (bytes == null || (bytes[0] & 0xff) != VERSION) {
            return new Refused(Reason.BAD_SIGNATURE, null);
        }
        SigningKey key = keys.get(bytes[2] & 0xff);
        if (key == null || !MessageDigest.isEqual(tag(key, bytes, PAYLOAD_BYTES),
                Arrays.copyOfRange(bytes, PAYLOAD_BYTES, TOKEN_BYTES))) {
            return new Refused(Reason.BAD_SIGNATURE, null);
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes, 1, PAYLOAD_BYTES - 1);
        CodePurpose purpose = CodePurpose.fromCode(payload.get() & 0xff);
        int keyId = payload.get() & 0xff;
        UUID subject = new UUID(payload.getLong(), payload.getLong());
        Instant issuedAt = Instant.ofEpochSecond(Integer.toUnsignedLong(payload.getInt()));
        Instant expiresAt = Instant.ofEpochSecond(Integer.toUnsignedLong(payload.getInt()));
        int nonce = payload.getInt();
        if (purpose == null) {
            return new Refused(Reason.BAD_SIGNATURE, null);
        }
        SignedCode code = new SignedCode(purpose, subject, issuedAt, expiresAt, nonce, keyId);
        if (!accepted.contains(purpose)) {
            return new Refused(Reason.WRONG_PURPOSE, code);
        }
        if (!now.isBefore(expiresAt)) {
            return new Refused(Reason.EXPIRED, code);
        }
        return new Verified(code);
    }

    /** Strict base64url: a string that does not re-encode to itself (e.g. altered unused bits) is not a token. */
    private static byte[] decode(String token) {
        if (token == null || token.length() != (TOKEN_BYTES * 8 + 5) / 6) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            boolean canonical = bytes.length == TOKEN_BYTES
                    && Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token);
            return canonical ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] tag(SigningKey key, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            mac.update(data, 0, length);
            return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
