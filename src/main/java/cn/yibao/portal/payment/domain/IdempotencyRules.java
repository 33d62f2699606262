package cn.yibao.portal.payment.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Idempotency keys: the same key with the same request gives the same order; with a different request it is a
 * conflict. "The same request" is a fingerprint of what decides the order, independent of JSON field order. A key
 * is kept {@link #KEY_LIFETIME}; after that it is forgotten (at its next use, and by the sweeper's purge), so the
 * same key is then a new request, whatever it carries — as with Stripe's keys.
 */
public final class IdempotencyRules {

    public static final Duration KEY_LIFETIME = Duration.ofHours(24);

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-:.]{8,64}");

    private IdempotencyRules() {
    }

    public static boolean isWellFormed(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** People sorted, duplicates kept: the order of the list does not matter, its content does. */
    public static byte[] fingerprint(int year, List<String> insured, PaymentChannelId channel, Integer grade) {
        String canonical = year + "|" + String.join(",", insured.stream().sorted().toList()) + "|" + channel + "|"
                + (grade == null ? "" : grade);
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
