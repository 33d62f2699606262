package cn.yibao.portal.web;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.web.api.ClientKind;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Renders a page with what every page's layout needs: the client kind (to leave out our header inside WeChat and
 * Alipay), the CSRF token for forms, and in the sandbox the business date. Handlers resolve their own data first
 * and pass it in; templates only display.
 */
@Component
public class Pages {

    /**
     * Every page is UTF-8, and says so in the header: a meta tag alone comes too late for a proxy or a webview that
     * decides the encoding before parsing (and would guess GBK for Chinese).
     */
    public static final MediaType HTML_UTF8 = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final BusinessClock clock;

    Pages(BusinessClock clock) {
        this.clock = clock;
    }

    public Mono<ServerResponse> render(ServerRequest request, String template, Map<String, ?> model) {
        return render(request, template, model, org.springframework.http.HttpStatus.OK);
    }

    /** The same with another status, for a page that explains why the request could not be done. */
    public Mono<ServerResponse> render(ServerRequest request, String template, Map<String, ?> model,
                                       org.springframework.http.HttpStatusCode status) {
        Map<String, Object> page = withLayout(request);
        page.putAll(model);
        return signedIn(request)
                .flatMap(signedIn -> signedIn ? csrfToken(request) : Mono.<CsrfToken>empty())
                .doOnNext(token -> page.put("_csrf", token))
                .then(Mono.defer(() -> ServerResponse.status(status).contentType(HTML_UTF8)
                        // Pages may carry personal data: never cache them anywhere.
                        .cacheControl(CacheControl.noStore())
                        .render(template, page)));
    }

    /** The friendly 404 page, with the layout's model (no duplicate header inside WeChat / Alipay). */
    public Mono<ServerResponse> notFound(ServerRequest request) {
        return ServerResponse.status(org.springframework.http.HttpStatus.NOT_FOUND).contentType(HTML_UTF8)
                .cacheControl(CacheControl.noStore())
                .render("error/404", withLayout(request));
    }

    /** What the layout needs, for Boot's error pages too ({@link LayoutErrorAttributes}). */
    Map<String, Object> layoutModel(ServerRequest request) {
        return withLayout(request);
    }

    private Map<String, Object> withLayout(ServerRequest request) {
        Map<String, Object> page = new HashMap<>();
        ClientKind client = ClientKind.fromUserAgent(request.headers().firstHeader(HttpHeaders.USER_AGENT));
        page.put("inAppWebview", client.inAppWebview());
        page.put("client", client.name());
        if (clock.simulated()) {
            page.put("businessDate", clock.today().toString());
        }
        Object banner = request.exchange().getAttribute(AssistBanner.ATTRIBUTE);
        if (banner != null) {
            page.put("assistBanner", banner);
        }
        return page;
    }

    /**
     * Only signed-in pages have POST forms. Issuing a CSRF token starts a session, and sessions live in memory:
     * anonymous visitors of the public calculator must not each get one.
     */
    private static Mono<Boolean> signedIn(ServerRequest request) {
        return request.principal()
                .map(principal -> principal instanceof Authentication authentication && authentication.isAuthenticated()
                        && !(authentication instanceof AnonymousAuthenticationToken))
                .defaultIfEmpty(false);
    }

    private static Mono<CsrfToken> csrfToken(ServerRequest request) {
        Object attribute = request.exchange().getAttribute(CsrfToken.class.getName());
        if (attribute instanceof Mono<?> token) {
            return token.cast(CsrfToken.class);
        }
        return Mono.empty();
    }
}
