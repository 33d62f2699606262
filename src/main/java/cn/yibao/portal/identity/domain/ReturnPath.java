package cn.yibao.portal.identity.domain;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where to send someone after signing in: the page they were going to (a reminder's deep link, the form whose session
 * ran out), but only a path of this site. Never a scheme or a host, never "//host" or "/\host" (which browsers take as
 * another site), never control characters; and only a page the person signing in could open: a resident's pages
 * for a resident, the counter's for staff. Anything else is refused and the person lands on their home page.
 */
public final class ReturnPath {

    static final int MAX_LENGTH = 2_000;

    /** Not pages to come back to: sign-in and sign-out themselves, the API, files and images. */
    private static final List<String> NEVER = List.of("/oauth2/", "/login", "/logout", "/api/", "/css/", "/js/",
            "/images/", "/codes/image/", "/favicon", "/error", "/actuator", "/sandbox-pay/", "/upload-too-large");

    private ReturnPath() {
    }

    public enum Audience { RESIDENT, STAFF }

    /** The path itself when it is a safe page of this site for that audience, else empty. */
    public static Optional<String> safe(String candidate, Audience audience) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || candidate.charAt(0) != '/' || candidate.startsWith("//") || candidate.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return Optional.empty();
            }
        }
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (java.net.URISyntaxException notAUri) {
            return Optional.empty();
        }
        String path = uri.getPath();
        if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawFragment() != null || path == null
                || !path.startsWith("/") || path.startsWith("//") || path.equals("/")
                || path.contains("/../") || path.endsWith("/..")) {
            return Optional.empty();
        }
        for (int i = 0; i < path.length(); i++) {
            // Percent-encoded control characters or a backslash are no better than plain ones.
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return Optional.empty();
            }
        }
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (NEVER.stream().anyMatch(lower::startsWith)) {
            return Optional.empty();
        }
        boolean staffPage = lower.equals("/staff") || lower.startsWith("/staff/") || lower.equals("/verify");
        boolean residentPage = !lower.equals("/staff") && !lower.startsWith("/staff/");
        return (audience == Audience.STAFF ? staffPage : residentPage) ? Optional.of(candidate) : Optional.empty();
    }
}
