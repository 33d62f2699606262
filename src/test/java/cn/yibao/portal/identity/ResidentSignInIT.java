package cn.yibao.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.PortalIntegrationTest;
import cn.yibao.portal.support.SandboxSignIn.AuthorizationStart;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Residents signing in through the OpenID Connect alternative (a province's broker in front of the e-voucher), against
 * the sandbox issuer; the national protocol itself is {@link EvoucherSignInIT}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResidentSignInIT extends PortalIntegrationTest {

    private static final String DIBAO_CERTNO = "141121196004152121";

    @Test
    void signInRedirectCarriesPkceStateAndNonce() {
        AuthorizationStart start = signIn.start(signIn.newBrowser());

        assertThat(start.authorize().toString()).startsWith(issuerBaseUrl + "/evoucher/authorize");
        assertThat(start.queryParam("response_type")).isEqualTo("code");
        assertThat(start.queryParam("code_challenge_method")).isEqualTo("S256");
        assertThat(start.queryParam("code_challenge")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(start.queryParam("state")).isNotBlank();
        assertThat(start.queryParam("nonce")).isNotBlank();
        assertThat(start.queryParam("scope")).contains("openid");
    }

    @Test
    void dibaoResidentSignsInGetsANewSessionIdAndSeesOnlyMaskedIdentity(CapturedOutput output) {
        BrowserSession browser = signIn.newBrowser();
        AuthorizationStart start = signIn.start(browser);
        URI callback = signIn.submitIssuerLogin(start.authorize(), "wenshui-dibao", null);
        EntityExchangeResult<Void> afterCallback = signIn.callback(browser, callback);

        assertThat(afterCallback.getResponseHeaders().getLocation()).hasPath("/home");
        assertThat(browser.sessionId()).as("session id changes at sign-in").isNotNull().isNotEqualTo(start.sessionId());

        String home = homePage(browser);
        assertThat(home).contains("刘**", "141***********2121", "文水县").doesNotContain(DIBAO_CERTNO, "刘桂芳");
        assertThat(output.getAll()).doesNotContain(DIBAO_CERTNO);

        assertThat(count("select count(*) from resident where psn_no = '14112100000000000021' "
                + "and last_sign_in_at is not null and assistance = 'MINIMUM_LIVING'")).isEqualTo(1);
        byte[] cipher = database.sql("select certno_cipher from resident where psn_no = '14112100000000000021'")
                .map(row -> row.get(0, byte[].class)).one().block();
        assertThat(new String(cipher, StandardCharsets.ISO_8859_1)).doesNotContain(DIBAO_CERTNO);
        assertThat(count("select count(*) from audit_event where action = 'SIGN_IN' and outcome = 'SUCCESS' "
                + "and actor_id = 'wenshui-dibao' and resident_id is not null and client_address is not null "
                + "and user_agent is not null")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void callbackWithAWrongStateReturnsToTheLandingPageWithAChineseMessageAndStoresNothing() {
        long failuresBefore = count("select count(*) from audit_event where action = 'SIGN_IN' and outcome = 'FAILURE'");
        BrowserSession browser = signIn.newBrowser();
        AuthorizationStart start = signIn.start(browser);
        URI callback = signIn.submitIssuerLogin(start.authorize(), "wrong-state-visitor",
                "{\"name\":\"孙悟空\",\"certno\":\"" + validCertno("11010519850101001") + "\","
                        + "\"psn_no\":\"11000000000000000777\",\"insuplc_admdvs\":\"141121\"}");
        URI tampered = UriComponentsBuilder.fromUri(callback).replaceQueryParam("state", "not-the-state").build(true).toUri();

        EntityExchangeResult<Void> result = signIn.callback(browser, tampered);

        assertThat(result.getResponseHeaders().getLocation().toString()).isEqualTo("/?error=signin-failed");
        assertThat(count("select count(*) from resident where psn_no = '11000000000000000777'")).isZero();
        assertThat(count("select count(*) from audit_event where action = 'SIGN_IN' and outcome = 'FAILURE'"))
                .isEqualTo(failuresBefore + 1);
        String landing = portal.get().uri("/?error=signin-failed").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(landing).contains("flash-error", "登录没有完成");
    }

    @Test
    void claimsWithoutAnIdNumberAreRefusedAndLeaveNoSignedInSession() {
        BrowserSession browser = signIn.newBrowser();
        AuthorizationStart start = signIn.start(browser);
        URI callback = signIn.submitIssuerLogin(start.authorize(), "no-such-demo-person", "{\"name\":\"无证件\"}");

        EntityExchangeResult<Void> result = signIn.callback(browser, callback);

        assertThat(result.getResponseHeaders().getLocation().toString()).isEqualTo("/?error=signin-claims");
        assertThat(count("select count(*) from audit_event where actor_id = 'no-such-demo-person' "
                + "and outcome = 'FAILURE' and detail like '%身份证%'")).isEqualTo(1);
        browser.client().get().uri("/home").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/?signin=required");
    }

    @Test
    void residentOfAnUnknownRegionStillSignsInAndIsToldTheRegionIsNotSupported() {
        BrowserSession browser = signIn.asThroughOidc("outsider", "{\"name\":\"钱多多\",\"certno\":\"" + validCertno("11010119900307777")
                + "\",\"psn_no\":\"99900000000000000001\",\"insuplc_admdvs\":\"999999\"}");

        assertThat(homePage(browser)).contains("钱**", "region-unsupported", "999999", "暂未开通");
    }

    @Test
    void signOutIsByPostWithCsrfOnlyAndEndsTheSession() {
        BrowserSession browser = signIn.asThroughOidc("wenshui-tekun", null);
        String csrfToken = csrfTokenOn(homePage(browser));

        browser.client().get().uri("/logout").exchange().expectStatus().isNotFound();
        browser.client().post().uri("/logout").exchange().expectStatus().isForbidden();
        assertThat(homePage(browser)).as("still signed in after refused sign-outs").contains("赵**");

        browser.client().post().uri("/logout")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", csrfToken))
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> assertThat(location)
                        .startsWith(issuerBaseUrl + "/evoucher/endsession?"));

        browser.client().get().uri("/home").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/?signin=required");
        assertThat(count("select count(*) from audit_event where action = 'SIGN_OUT' and actor_id = 'wenshui-tekun'"))
                .isGreaterThanOrEqualTo(1);
    }

    private static String homePage(BrowserSession browser) {
        return browser.client().get().uri("/home").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static String csrfTokenOn(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("the sign-out form carries a CSRF token").isTrue();
        return matcher.group(1);
    }

    static String validCertno(String first17) {
        return first17 + cn.yibao.portal.shared.NationalId.checkCharacter(first17);
    }
}
