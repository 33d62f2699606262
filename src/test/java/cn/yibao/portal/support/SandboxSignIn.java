package cn.yibao.portal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signs residents in the way a browser does, in one {@link BrowserSession}: through the national e-voucher protocol
 * against the sandbox's simulator ({@link #as}, the portal's default), or through the OpenID Connect alternative against
 * the sandbox issuer ({@link #asThroughOidc}, {@link #start}); staff always through the staff issuer.
 */
public class SandboxSignIn {

    private final WebTestClient portal;
    private final WebTestClient issuer;

    private final String issuerBaseUrl;

    SandboxSignIn(WebTestClient portal, String issuerBaseUrl) {
        this.portal = portal;
        this.issuerBaseUrl = issuerBaseUrl;
        this.issuer = WebTestClient.bindToServer().baseUrl(issuerBaseUrl).responseTimeout(Duration.ofSeconds(20)).build();
    }

    /** Sign-in against a portal and issuer that this JVM did not start (another process, as in a restart test). */
    public static SandboxSignIn against(String portalBaseUrl, String issuerBaseUrl) {
        return new SandboxSignIn(WebTestClient.bindToServer().baseUrl(portalBaseUrl)
                .responseTimeout(Duration.ofSeconds(20)).filter(ApiContract.check()).build(), issuerBaseUrl);
    }

    public BrowserSession newBrowser() {
        return new BrowserSession(portal);
    }

    /** The portal's redirect to the issuer; the browser session now remembers the authorization request. */
    public AuthorizationStart start(BrowserSession browser) {
        return start(browser, "evoucher");
    }

    public AuthorizationStart start(BrowserSession browser, String registration) {
        URI authorize = browser.client().get().uri("/oauth2/authorization/" + registration)
                .exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(browser.sessionId()).as("the authorization request is kept in a session").isNotNull();
        return new AuthorizationStart(authorize, browser.sessionId());
    }

    /** Submits the issuer's sign-in form; returns the callback URL the issuer redirects the browser to. */
    public URI submitIssuerLogin(URI authorize, String login, String extraClaimsJson) {
        URI location = issuer.post().uri(authorize)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", login)
                        .with("claims", extraClaimsJson == null ? "" : extraClaimsJson))
                .exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location).as("the issuer redirects back to the portal").isNotNull();
        return location;
    }

    /** Follows the callback into the portal; answers the portal's redirect. */
    public EntityExchangeResult<Void> callback(BrowserSession browser, URI callback) {
        // The absolute URI as the issuer sent it: a string would be taken as a template and encoded twice.
        return browser.client().get().uri(callback)
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectBody().isEmpty();
    }

    /**
     * A browser signed in through the e-voucher simulator as a demo login, or, with claims JSON (see
     * {@link FreshResidents}), as that made-up person; now on its way to /home.
     */
    public BrowserSession as(String login, String claimsJson) {
        return new EvoucherSimulator(portal, issuerBaseUrl).as(login, claimsJson);
    }

    /** A browser signed in through the OpenID Connect alternative (extra claims JSON overrides the demo claims). */
    public BrowserSession asThroughOidc(String login, String extraClaimsJson) {
        BrowserSession browser = newBrowser();
        AuthorizationStart start = start(browser);
        EntityExchangeResult<Void> callback = callback(browser, submitIssuerLogin(start.authorize(), login, extraClaimsJson));
        assertThat(callback.getResponseHeaders().getLocation()).hasPath("/home");
        return browser;
    }

    public BrowserSession as(String login) {
        return as(login, null);
    }

    /** A browser signed in as a help-desk staff member through the staff issuer, now on its way to /staff. */
    public BrowserSession asStaff(String login) {
        return asStaff(login, null);
    }

    /** A browser signed in through the staff issuer with made-up staff claims (see {@link FreshStaff}). */
    public BrowserSession asStaff(String login, String claimsJson) {
        BrowserSession browser = newBrowser();
        AuthorizationStart start = start(browser, "staff");
        EntityExchangeResult<Void> callback = callback(browser, submitIssuerLogin(start.authorize(), login, claimsJson));
        assertThat(callback.getResponseHeaders().getLocation()).hasPath("/staff");
        return browser;
    }

    /** An access token for the JSON API from the sandbox issuer (password grant, as the README's curl shows). */
    public String accessToken(String login) {
        return token("/evoucher/token", login);
    }

    /**
     * An access token for made-up claims (a fresh resident no other test touches): the authorization-code flow
     * straight against the sandbox issuer, as a mobile app would run it.
     */
    public String accessToken(String login, String claimsJson) {
        return codeFlowToken("evoucher", login, claimsJson);
    }

    /**
     * A staff access token for made-up claims (a staff member with only some roles, of some region, or without
     * {@code staff_id}): the same flow against the sandbox's staff issuer.
     */
    public String staffAccessToken(String login, String claimsJson) {
        return codeFlowToken("staff", login, claimsJson);
    }

    private String codeFlowToken(String issuerName, String login, String claimsJson) {
        String redirect = "http://localhost/app-callback";
        URI authorize = URI.create(issuerBaseUrl + "/" + issuerName + "/authorize?client_id=resident-app&response_type=code"
                + "&scope=openid&state=s&nonce=n&redirect_uri=" + redirect);
        URI back = submitIssuerLogin(authorize, login, claimsJson);
        String code = org.springframework.web.util.UriComponentsBuilder.fromUri(back).build().getQueryParams()
                .getFirst("code");
        return issuer.post().uri("/" + issuerName + "/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "authorization_code").with("code", code)
                        .with("redirect_uri", redirect).with("client_id", "resident-app"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(TokenResponse.class).returnResult().getResponseBody().access_token();
    }

    /** A help-desk staff member's access token from the sandbox staff issuer. */
    public String staffAccessToken(String login) {
        return token("/staff/token", login);
    }

    private String token(String endpoint, String login) {
        return issuer.post().uri(endpoint)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "password").with("username", login)
                        .with("password", "sandbox").with("client_id", "resident-app").with("scope", "openid"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(TokenResponse.class).returnResult().getResponseBody().access_token();
    }

    public record AuthorizationStart(URI authorize, String sessionId) {
        public String queryParam(String name) {
            return UriComponentsBuilder.fromUri(authorize).build().getQueryParams().getFirst(name);
        }
    }

    record TokenResponse(String access_token) {
    }
}
