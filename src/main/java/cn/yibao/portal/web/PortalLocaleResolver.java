package cn.yibao.portal.web;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Chinese first: every page is Chinese unless the visitor chose English with {@code ?lang=en} (kept in a cookie).
 * The browser's Accept-Language is not followed, because many phones of Chinese-speaking older residents are set to
 * English without their knowing. The JSON API is the other way round: an app says which language its user reads in
 * {@code Accept-Language}, so under {@code /api/} that header decides (English when its first supported language is
 * English, Chinese otherwise), and neither {@code ?lang} nor the cookie is read or set.
 */
class PortalLocaleResolver implements LocaleContextResolver {

    static final String PARAMETER = "lang";
    static final String COOKIE = "PORTAL_LANG";

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        if (isApi(exchange)) {
            return new SimpleLocaleContext(accepted(exchange));
        }
        String chosen = exchange.getRequest().getQueryParams().getFirst(PARAMETER);
        if (chosen != null) {
            Locale locale = supported(chosen);
            remember(exchange, locale);
            return new SimpleLocaleContext(locale);
        }
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        return new SimpleLocaleContext(supported(cookie == null ? null : cookie.getValue()));
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        if (isApi(exchange)) {
            return;
        }
        remember(exchange, supported(localeContext == null || localeContext.getLocale() == null
                ? null : localeContext.getLocale().toLanguageTag()));
    }

    private static void remember(ServerWebExchange exchange, Locale locale) {
        exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, locale.toLanguageTag())
                .path("/").maxAge(Duration.ofDays(365)).httpOnly(true).sameSite("Lax").build());
    }

    private static boolean isApi(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().startsWith("/api/");
    }

    private static Locale accepted(ServerWebExchange exchange) {
        try {
            return accepted(exchange.getRequest().getHeaders().getAcceptLanguage());
        } catch (IllegalArgumentException malformed) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }

    /** The first of the caller's languages (by preference) that the portal speaks; Chinese when none is. */
    static Locale accepted(List<Locale.LanguageRange> ranges) {
        return ranges.stream()
                .sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
                .map(range -> range.getRange().toLowerCase(Locale.ROOT))
                .filter(range -> range.startsWith("en") || range.startsWith("zh"))
                .findFirst()
                .map(PortalLocaleResolver::supported)
                .orElse(Locale.SIMPLIFIED_CHINESE);
    }

    static Locale supported(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
