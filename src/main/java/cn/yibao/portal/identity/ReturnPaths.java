package cn.yibao.portal.identity;

import cn.yibao.portal.identity.domain.ReturnPath;
import java.net.URI;
import java.util.Optional;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a person was going when they were asked to sign in, kept in their session until the sign-in comes back:
 * Spring Security's saved request (a private page opened while signed out, e.g. a reminder's link to
 * {@code /benefits?year=2024}), the form whose session ran out, or a page that offers sign-in and names itself
 * ({@code /?return=…}). Only a path of this site that {@link ReturnPath} accepts is ever kept or followed.
 */
@Component
class ReturnPaths {

    /** The session attribute {@link WebSessionServerRequestCache} keeps the saved request's path under. */
    static final String ATTRIBUTE = "SPRING_SECURITY_SAVED_REQUEST";

    private final WebSessionServerRequestCache cache = new WebSessionServerRequestCache();

    ReturnPaths() {
        // The path exactly as it was asked for: no "?continue" marker added to it.
        cache.setMatchingRequestParameterName(null);
    }

    /** Saves the current GET page request (the entry point calls it before sending the visitor to sign in). */
    WebSessionServerRequestCache cache() {
        return cache;
    }

    /** Remembers a path to return to after sign-in, if it is a safe page of this site for anyone; else nothing. */
    Mono<Void> remember(ServerWebExchange exchange, String path) {
        if (safeForAnyone(path).isEmpty()) {
            return Mono.empty();
        }
        return exchange.getSession().doOnNext(session -> session.getAttributes().put(ATTRIBUTE, path)).then();
    }

    /** The remembered path for who just signed in (and forgets it), or the fallback. */
    Mono<URI> take(ServerWebExchange exchange, ReturnPath.Audience audience, String fallback) {
        return exchange.getSession()
                .map(session -> Optional.ofNullable(session.getAttributes().remove(ATTRIBUTE))
                        .map(Object::toString)
                        .flatMap(path -> ReturnPath.safe(path, audience))
                        .orElse(fallback))
                .defaultIfEmpty(fallback)
                .map(URI::create);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static Optional<String> safeForAnyone(String path) {
        return ReturnPath.safe(path, ReturnPath.Audience.RESIDENT)
                .or(() -> ReturnPath.safe(path, ReturnPath.Audience.STAFF));
    }

    /**
     * The path of a same-site {@code Referer} (scheme-less comparison of host and port with the request's own), for
     * the page a form was posted from; empty for another site, a broken header or none.
     */
    static Optional<String> sameSiteReferer(ServerWebExchange exchange) {
        String referer = exchange.getRequest().getHeaders().getFirst("Referer");
        if (referer == null) {
            return Optional.empty();
        }
        try {
            URI from = new URI(referer);
            URI self = exchange.getRequest().getURI();
            if (from.getHost() == null || !from.getHost().equalsIgnoreCase(self.getHost())
                    || port(from) != port(self) || from.getRawPath() == null) {
                return Optional.empty();
            }
            return safeForAnyone(from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()));
        } catch (java.net.URISyntaxException broken) {
            return Optional.empty();
        }
    }
}
