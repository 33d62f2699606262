package cn.yibao.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.SandboxSignIn;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** Deep links survive sign-in; a form whose session ran out leads back to its page; nothing leads off the site. */
class ReturnAfterSignInIT extends PortalIntegrationTest {

    private URI signInAndLand(BrowserSession browser, String login) {
        SandboxSignIn.AuthorizationStart start = signIn.start(browser);
        return signIn.callback(browser, signIn.submitIssuerLogin(start.authorize(), login, null))
                .getResponseHeaders().getLocation();
    }

    private URI open(BrowserSession browser, String path) {
        return browser.client().get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection().returnResult(Void.class).getResponseHeaders().getLocation();
    }

    @Test
    void aReminderLinkToThe2024BenefitsOpensThemAfterSignIn() {
        BrowserSession browser = signIn.newBrowser();
        assertThat(open(browser, "/benefits?year=2024")).hasToString("/?signin=required");
        assertThat(browser.page("/?signin=required")).contains("登录后会回到您刚才要打开的页面");

        URI landed = signInAndLand(browser, "wenshui-tekun");
        assertThat(landed).hasToString("/benefits?year=2024");
        assertThat(browser.page(landed.toString())).contains("id=\"coverage\"");

        // Used once: the next sign-in in this browser goes home.
        browser.client().post().uri("/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", BrowserSession.csrf(browser.page("/home")))).exchange();
        BrowserSession again = signIn.newBrowser();
        assertThat(signInAndLand(again, "wenshui-tekun")).hasToString("/home");
    }

    @Test
    void aStaffPageAsksForStaffSignInAndOpensAfterIt() {
        BrowserSession browser = signIn.newBrowser();
        assertThat(open(browser, "/staff/filings")).hasToString("/?signin=staff");
        assertThat(browser.page("/?signin=staff")).contains("id=\"signin-staff-first\"", "需要医保经办工作人员登录");
        SandboxSignIn.AuthorizationStart start = signIn.start(browser, "staff");
        URI landed = signIn.callback(browser, signIn.submitIssuerLogin(start.authorize(), "staff-wenshui", null))
                .getResponseHeaders().getLocation();
        assertThat(landed).hasToString("/staff/filings");
    }

    @Test
    void anAbsoluteExternalOrProtocolRelativeReturnIsRefusedAndTheResidentGoesHome() {
        for (String elsewhere : new String[] {"https://evil.example/benefits", "//evil.example/benefits",
                "/\\evil.example", "http://localhost:" + port + "/benefits"}) {
            BrowserSession browser = signIn.newBrowser();
            browser.client().get().uri(b -> b.path("/").queryParam("return", "{r}").build(elsewhere))
                    .exchange().expectStatus().isOk();
            assertThat(signInAndLand(browser, "wenshui-tekun")).as(elsewhere).hasToString("/home");
        }
        // The same page named as a path is fine.
        BrowserSession browser = signIn.newBrowser();
        browser.client().get().uri(b -> b.path("/").queryParam("return", "{r}").build("/benefits?year=2024"))
                .exchange().expectStatus().isOk();
        assertThat(signInAndLand(browser, "wenshui-tekun")).hasToString("/benefits?year=2024");
    }

    @Test
    void aResidentPageIsNotWhereStaffLandNorAStaffPageWhereAResidentLands() {
        BrowserSession staff = signIn.newBrowser();
        open(staff, "/benefits?year=2024");
        SandboxSignIn.AuthorizationStart start = signIn.start(staff, "staff");
        assertThat(signIn.callback(staff, signIn.submitIssuerLogin(start.authorize(), "staff-wenshui", null))
                .getResponseHeaders().getLocation()).hasToString("/staff");

        BrowserSession resident = signIn.newBrowser();
        open(resident, "/staff/filings");
        assertThat(signInAndLand(resident, "wenshui-tekun")).hasToString("/home");
    }

    @Test
    void aFormSentAfterTheSessionRanOutLeadsToSignInAndBackToItsPageWithNothingDone() {
        BrowserSession browser = signIn.newBrowser();
        long bindings = count("select count(*) from family_binding");
        URI to = browser.client().post().uri("/family/bind").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Referer", "http://localhost:" + port + "/family")
                .body(BodyInserters.fromFormData("_csrf", "token-of-a-session-that-ended").with("name", "王小明")
                        .with("certno", "141121201209011414").with("relation", "CHILD"))
                .exchange().expectStatus().isSeeOther().returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(to).hasToString("/?signin=expired");
        assertThat(browser.page("/?signin=expired")).contains("登录已超时");
        assertThat(signInAndLand(browser, "wenshui-tekun")).hasToString("/family");
        assertThat(count("select count(*) from family_binding")).as("nothing was done").isEqualTo(bindings);
        // What was typed is back on the form, except the ID number (never kept in the session).
        String family = browser.page("/family");
        assertThat(family).contains("id=\"form-restored\"", "value=\"王小明\"")
                .containsPattern("<option value=\"CHILD\" selected=\"selected\"")
                .doesNotContain("141121201209011414");
        assertThat(browser.page("/family")).as("shown once").doesNotContain("id=\"form-restored\"", "value=\"王小明\"");

        // A form posted from another site is not a way to choose where someone lands.
        BrowserSession other = signIn.newBrowser();
        other.client().post().uri("/family/bind").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Referer", "https://evil.example/family")
                .body(BodyInserters.fromFormData("_csrf", "x").with("name", "x"))
                .exchange().expectStatus().isSeeOther();
        assertThat(signInAndLand(other, "wenshui-tekun")).hasToString("/home");
    }
}
