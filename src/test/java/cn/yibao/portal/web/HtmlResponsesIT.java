package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every HTML page declares UTF-8 in its Content-Type header (not only in a meta tag: a proxy or an old webview that
 * sniffs before parsing would otherwise guess GBK), and the error pages look like every other page inside WeChat and
 * Alipay (no second header under the app's own title bar).
 */
class HtmlResponsesIT extends PortalIntegrationTest {

    private static final String WECHAT = "Mozilla/5.0 (Linux; Android 13) MicroMessenger/8.0.40 Mobile Safari/537.36";
    private static final String ALIPAY = "Mozilla/5.0 (Linux; Android 13) AlipayClient/10.5.0 Mobile Safari/537.36";
    private static final String CHROME = "Mozilla/5.0 (Linux; Android 13) Chrome/126 Mobile Safari/537.36";

    @Test
    void publicPagesDeclareUtf8InTheHeader() {
        for (String path : new String[] {"/", "/contribution/calculator", "/policy/documents", "/verify",
                "/upload-too-large"}) {
            expectUtf8Html(html(portal, path).expectStatus().isOk(), path);
        }
    }

    @Test
    void signedInResidentAndStaffPagesDeclareUtf8InTheHeader() {
        BrowserSession resident = signIn.as("wenshui-jiance");
        for (String path : new String[] {"/home", "/contribution", "/benefits", "/prescriptions", "/filing",
                "/family", "/code", "/payments"}) {
            expectUtf8Html(html(resident.client(), path).expectStatus().isOk(), path);
        }
        BrowserSession staff = signIn.asStaff("staff-wenshui");
        expectUtf8Html(html(staff.client(), "/staff").expectStatus().isOk(), "/staff");
    }

    @Test
    void errorPagesDeclareUtf8InTheHeader() {
        BrowserSession resident = signIn.as("wenshui-jiance");
        expectUtf8Html(html(resident.client(), "/no-such-page").expectStatus().isNotFound(), "404 (no route)");
        expectUtf8Html(html(resident.client(), "/prescriptions/00000000-0000-0000-0000-000000000000")
                .expectStatus().isNotFound(), "404 (a handler's own)");
        BrowserSession operator = signIn.asStaff("staff-lvliang");
        expectUtf8Html(html(operator.client(), "/staff/filings").expectStatus().isForbidden(), "403");
    }

    @Test
    void errorPagesLeaveOutTheSiteHeaderInsideWechatAndAlipayLikeEveryOtherPage() {
        BrowserSession resident = signIn.as("wenshui-jiance");
        for (String agent : new String[] {WECHAT, ALIPAY}) {
            assertThat(body(html(resident.client(), "/no-such-page", agent).expectStatus().isNotFound()))
                    .contains("页面不存在", "返回首页").doesNotContain("site-header");
            assertThat(body(html(resident.client(), "/prescriptions/00000000-0000-0000-0000-000000000000", agent)
                    .expectStatus().isNotFound())).contains("页面不存在").doesNotContain("site-header");
        }
        assertThat(body(html(resident.client(), "/no-such-page", CHROME).expectStatus().isNotFound()))
                .contains("页面不存在", "site-header");

        BrowserSession operator = signIn.asStaff("staff-lvliang");
        assertThat(body(html(operator.client(), "/staff/filings", WECHAT).expectStatus().isForbidden()))
                .contains("没有办理权限").doesNotContain("site-header");
        assertThat(body(html(operator.client(), "/staff/filings", CHROME).expectStatus().isForbidden()))
                .contains("没有办理权限", "site-header");
    }

    @Test
    void everyPageNamesAFaviconThatIsServedToAnyone() {
        String landing = body(html(portal, "/").expectStatus().isOk());
        assertThat(landing).contains("<link rel=\"icon\" href=\"/favicon.ico\"",
                "<link rel=\"icon\" href=\"/images/favicon.svg\" type=\"image/svg+xml\">");
        assertThat(body(html(signIn.as("wenshui-jiance").client(), "/no-such-page").expectStatus().isNotFound()))
                .contains("href=\"/favicon.ico\"");
        byte[] ico = portal.get().uri("/favicon.ico").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        assertThat(ico).as("an ICO file, small").hasSizeLessThan(2048).startsWith(0, 0, 1, 0);
        portal.get().uri("/images/favicon.svg").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("image/svg+xml");
    }

    private static WebTestClient.ResponseSpec html(WebTestClient client, String path) {
        return html(client, path, CHROME);
    }

    private static WebTestClient.ResponseSpec html(WebTestClient client, String path, String userAgent) {
        return client.get().uri(path).header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
                .header(HttpHeaders.USER_AGENT, userAgent).exchange();
    }

    private static String body(WebTestClient.ResponseSpec response) {
        EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
        return new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    private static void expectUtf8Html(WebTestClient.ResponseSpec response, String page) {
        EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
        MediaType type = result.getResponseHeaders().getContentType();
        assertThat(type).as("Content-Type of %s", page).isNotNull();
        assertThat(type.isCompatibleWith(MediaType.TEXT_HTML)).as("%s is HTML: %s", page, type).isTrue();
        assertThat(type.getCharset()).as("charset of %s (%s)", page, type).isEqualTo(StandardCharsets.UTF_8);
    }
}
