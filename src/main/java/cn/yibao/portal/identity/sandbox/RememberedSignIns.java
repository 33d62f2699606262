package cn.yibao.portal.identity.sandbox;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequestHandler;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * Makes the sandbox issuer remember a browser that signed in, as a real identity provider (Keycloak, the e-voucher
 * platform) does: until that browser's session at the issuer ends — at its {@code end_session_endpoint}, which the
 * portal calls at sign-out — a new sign-in from it goes straight back with a code, without the sign-in form. On its
 * own mock-oauth2-server shows the form every time, which would hide a sign-out that leaves the provider's session
 * open (the next person at a shared counter PC signed in as the last one).
 *
 * <p>It wraps the whole mock server: every request goes through, and only these three change: a successful form
 * sign-in sets a cookie for the issuer; an authorization request with that cookie (and without {@code prompt=login})
 * is answered as if the remembered form were submitted again; the end-session request forgets the session and
 * clears the cookie.
 */
final class RememberedSignIns implements Route {

    static final String COOKIE = "SANDBOX_ISSUER_SESSION";

    private final Route server;
    /** Session id → the issuer it belongs to and the sign-in form it remembers. */
    private final Map<String, Remembered> sessions = new ConcurrentHashMap<>();

    private record Remembered(String issuer, String form) {
    }

    RememberedSignIns(OAuth2Config config) {
        this.server = new OAuth2HttpRequestHandler(config).getAuthorizationServer();
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return true;
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        String issuer = issuerOf(request);
        String path = request.getUrl().encodedPath();
        if (path.equals("/" + issuer + "/authorize")) {
            if ("GET".equals(request.getMethod()) && !asksForLogin(request)) {
                Remembered remembered = remembered(request, issuer);
                if (remembered != null) {
                    return server.invoke(new OAuth2HttpRequest(request.getHeaders().newBuilder()
                            .set("Content-Type", "application/x-www-form-urlencoded").build(),
                            "POST", request.getOriginalUrl(), remembered.form()));
                }
            }
            if ("POST".equals(request.getMethod())) {
                OAuth2HttpResponse response = server.invoke(request);
                if (response.getStatus() / 100 == 3) {
                    String id = UUID.randomUUID().toString();
                    sessions.put(id, new Remembered(issuer, request.getBody()));
                    return withCookie(response, issuer, COOKIE + "=" + id + "; Path=/" + issuer + "; HttpOnly; SameSite=Lax");
                }
                return response;
            }
        }
        if (path.equals("/" + issuer + "/endsession")) {
            String id = request.getCookies().get(COOKIE);
            if (id != null) {
                sessions.remove(id);
            }
            return withCookie(server.invoke(request), issuer,
                    COOKIE + "=; Path=/" + issuer + "; Max-Age=0; HttpOnly; SameSite=Lax");
        }
        return server.invoke(request);
    }

    private Remembered remembered(OAuth2HttpRequest request, String issuer) {
        String id = request.getCookies().get(COOKIE);
        Remembered remembered = id == null ? null : sessions.get(id);
        return remembered != null && remembered.issuer().equals(issuer) ? remembered : null;
    }

    private static boolean asksForLogin(OAuth2HttpRequest request) {
        String prompt = request.getUrl().queryParameter("prompt");
        return prompt != null && !prompt.isBlank();
    }

    private static String issuerOf(OAuth2HttpRequest request) {
        return request.getUrl().pathSegments().isEmpty() ? "" : request.getUrl().pathSegments().get(0);
    }

    private static OAuth2HttpResponse withCookie(OAuth2HttpResponse response, String issuer, String cookie) {
        Headers headers = response.getHeaders().newBuilder().add("Set-Cookie", cookie).build();
        return new OAuth2HttpResponse(headers, response.getStatus(), response.getBody(), response.getBytesBody());
    }
}
