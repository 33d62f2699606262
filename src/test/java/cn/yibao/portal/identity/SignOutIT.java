package cn.yibao.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signing out ends the identity provider's session as well as the portal's (OpenID Connect RP-initiated logout): at a
 * shared counter PC the next person must sign in again rather than be let in as the last one. Tested against the
 * sandbox issuer, which, like a real provider, remembers a browser that signed in until its session is ended.
 */
class SignOutIT extends PortalIntegrationTest {

    @Test
    void aResidentSignedInThroughTheNationalEvoucherSignsOutToTheLandingPageAndTheSessionIsGone() {
        BrowserSession browser = signIn.as("wenshui-fanpin");

        // The national platform keeps no sign-in session of ours to end: each authorisation is asked for anew.
        assertThat(signOut(browser, "/home")).hasToString("/?signedOut");
        browser.client().get().uri("/home").exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/?signin=required");
    }

    @Test
    void aResidentsSignOutThroughAnOidcBrokerGoesOnToItsEndSessionAndBackToTheLandingPage() {
        BrowserSession browser = signIn.asThroughOidc("wenshui-fanpin", null);

        URI endSession = signOut(browser, "/home");

        assertThat(endSession.toString()).startsWith(issuerBaseUrl + "/evoucher/endsession?");
        var query = UriComponentsBuilder.fromUri(endSession).build().getQueryParams();
        assertThat(query.getFirst("id_token_hint")).as("names the session to end").isNotBlank();
        assertThat(query.getFirst("post_logout_redirect_uri")).as("comes back to the landing page")
                .isIn("http://localhost:" + port + "/?signedOut", "http%3A%2F%2Flocalhost%3A" + port + "%2F%3FsignedOut");
        browser.client().get().uri("/home").exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/?signin=required");
    }

    @Test
    void aStaffMembersSignOutAtTheCounterEndsTheStaffProvidersSessionSoTheNextPersonMustSignIn() {
        IssuerBrowser counterPc = new IssuerBrowser();
        BrowserSession portalSide = signIn.newBrowser();
        // The first worker signs in at the staff provider; the provider remembers this browser.
        URI authorize = signIn.start(portalSide, "staff").authorize();
        URI back = counterPc.submitLogin(authorize, "staff-wenshui");
        signIn.callback(portalSide, back);
        assertThat(portalSide.page("/staff")).contains("upload-form");
        assertThat(counterPc.authorizeAnswer(signIn.start(signIn.newBrowser(), "staff").authorize()))
                .as("while signed in at the provider, another sign-in from this PC goes straight through")
                .isEqualTo(302);

        URI endSession = signOut(portalSide, "/staff");
        assertThat(endSession.toString()).startsWith(issuerBaseUrl + "/staff/endsession?");
        URI afterwards = counterPc.follow(endSession);
        assertThat(afterwards.toString()).isIn("http://localhost:" + port + "/?signedOut",
                "http://localhost:" + port + "/?signedOut&state=");

        assertThat(counterPc.authorizeAnswer(signIn.start(signIn.newBrowser(), "staff").authorize()))
                .as("the next person at this PC is asked to sign in (the form), not let in as the last one")
                .isEqualTo(200);
    }

    /** Posts the sign-out form of {@code page}; answers where the portal sends the browser. */
    private static URI signOut(BrowserSession browser, String page) {
        String csrf = BrowserSession.csrf(browser.page(page));
        URI location = browser.client().post().uri("/logout")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", csrf))
                .exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        return location;
    }

    /** The counter PC's browser as the identity provider sees it: it keeps the provider's cookies. */
    private final class IssuerBrowser {

        private final AtomicReference<String> cookies = new AtomicReference<>("");
        private final WebTestClient issuer = WebTestClient.bindToServer().baseUrl(issuerBaseUrl)
                .responseTimeout(Duration.ofSeconds(20))
                .filter((request, next) -> next.exchange(cookies.get().isEmpty() ? request
                                : org.springframework.web.reactive.function.client.ClientRequest.from(request)
                                        .header("Cookie", cookies.get()).build())
                        .doOnNext(response -> response.cookies().values().forEach(list -> list.forEach(this::keep))))
                .build();

        private void keep(ResponseCookie cookie) {
            cookies.set(cookie.getMaxAge().isZero() || cookie.getValue().isEmpty() ? ""
                    : cookie.getName() + "=" + cookie.getValue());
        }

        URI submitLogin(URI authorize, String login) {
            assertThat(authorizeAnswer(authorize)).as("a browser new to the provider sees its sign-in form").isEqualTo(200);
            return issuer.post().uri(authorize)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("username", login).with("claims", ""))
                    .exchange().expectStatus().is3xxRedirection()
                    .returnResult(Void.class).getResponseHeaders().getLocation();
        }

        int authorizeAnswer(URI authorize) {
            EntityExchangeResult<byte[]> answer = issuer.get().uri(authorize).exchange().expectBody().returnResult();
            return answer.getStatus().value();
        }

        URI follow(URI uri) {
            return issuer.get().uri(uri).exchange().expectStatus().is3xxRedirection()
                    .returnResult(Void.class).getResponseHeaders().getLocation();
        }
    }
}
