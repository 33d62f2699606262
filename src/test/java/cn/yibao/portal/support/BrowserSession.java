package cn.yibao.portal.support;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * A WebTestClient that keeps the portal's session cookie the way a browser does: sends the current one and takes
 * any new value the portal sets (it changes the id at sign-in and again when it first issues a CSRF token).
 */
public class BrowserSession {

    public static final String COOKIE = "PORTAL_SESSION";

    private final AtomicReference<String> sessionId = new AtomicReference<>();
    private final WebTestClient client;

    BrowserSession(WebTestClient portal) {
        this.client = portal.mutate()
                .filter((request, next) -> next.exchange(withCookie(request))
                        .doOnNext(response -> remember(response.cookies().getFirst(COOKIE))))
                .build();
    }

    private ClientRequest withCookie(ClientRequest request) {
        String id = sessionId.get();
        return id == null ? request : ClientRequest.from(request).cookies(cookies -> cookies.set(COOKIE, id)).build();
    }

    private void remember(ResponseCookie cookie) {
        if (cookie != null) {
            sessionId.set(cookie.getValue().isEmpty() || cookie.getMaxAge().isZero() ? null : cookie.getValue());
        }
    }

    public WebTestClient client() {
        return client;
    }

    /** A page this session may see (200), as HTML. */
    public String page(String path) {
        return client.get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The CSRF token of the first form on a page. */
    public static String csrf(String page) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        return matcher.group(1);
    }

    /** The current session id, or {@code null} when the portal has not set one or has cleared it. */
    public String sessionId() {
        return sessionId.get();
    }
}
