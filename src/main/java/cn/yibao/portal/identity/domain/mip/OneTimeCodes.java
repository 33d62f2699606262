package cn.yibao.portal.identity.domain.mip;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time codes that expire ({@code authCode} of the authorization page): each is redeemed at most once, and only
 * within its lifetime. A redeemed or expired code is remembered as such until it would have expired twice over, so
 * a replay is told apart from a code that never existed.
 *
 * @param <T> what a code stands for
 */
public final class OneTimeCodes<T> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration lifetime;
    private final Map<String, Entry<T>> codes = new ConcurrentHashMap<>();

    private record Entry<T>(T value, Instant expiresAt, boolean used) {
    }

    public sealed interface Redemption<T> permits Redeemed, Unknown, Expired, AlreadyUsed {
    }

    public record Redeemed<T>(T value) implements Redemption<T> {
    }

    public record Unknown<T>() implements Redemption<T> {
    }

    public record Expired<T>() implements Redemption<T> {
    }

    public record AlreadyUsed<T>() implements Redemption<T> {
    }

    public OneTimeCodes(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public String issue(T value, Instant now) {
        codes.values().removeIf(entry -> entry.expiresAt().plus(lifetime).isBefore(now));
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String code = HexFormat.of().formatHex(bytes);
        codes.put(code, new Entry<>(value, now.plus(lifetime), false));
        return code;
    }

    public Redemption<T> redeem(String code, Instant now) {
        if (code == null) {
            return new Unknown<>();
        }
        Entry<T>[] before = newArray();
        codes.computeIfPresent(code, (key, entry) -> {
            before[0] = entry;
            return entry.used() ? entry : new Entry<>(entry.value(), entry.expiresAt(), true);
        });
        Entry<T> entry = before[0];
        if (entry == null) {
            return new Unknown<>();
        }
        if (entry.used()) {
            return new AlreadyUsed<>();
        }
        if (now.isAfter(entry.expiresAt())) {
            return new Expired<>();
        }
        return new Redeemed<>(entry.value());
    }

    @SuppressWarnings("unchecked")
    private static <T> Entry<T>[] newArray() {
        return (Entry<T>[]) new Entry<?>[1];
    }
}
