package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.PortalIntegrationTest;
import cn.yibao.portal.support.BrowserSession;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

class SecurityHeadersIT extends PortalIntegrationTest {

    @Test
    void everyPageCarriesTheSecurityBaselineHeaders() {
        expectBaseline(portal.get().uri("/").exchange().expectStatus().isOk());
    }

    @Test
    void signedInPagesAreNeverStored() {
        BrowserSession browser = signIn.as("wenshui-jiance");
        expectBaseline(browser.client().get().uri("/home").exchange()
                .expectStatus().isOk())
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
    }

    @Test
    void unknownPagesGetTheFriendlyChinese404() {
        BrowserSession browser = signIn.as("wenshui-jiance");
        String body = browser.client().get().uri("/no-such-page")
                .header(HttpHeaders.ACCEPT, "text/html").exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("页面不存在", "返回首页");
    }

    @Test
    void insideWechatAndAlipayThePageHeaderIsNotDuplicated() {
        assertThat(landing("Mozilla/5.0 (iPhone) MicroMessenger/8.0.40")).doesNotContain("site-header");
        assertThat(landing("Mozilla/5.0 (Linux; Android 13) AlipayClient/10.5.0")).doesNotContain("site-header");
        assertThat(landing("Mozilla/5.0 (Linux; Android 13) Chrome/126 Mobile Safari/537.36")).contains("site-header");
    }

    @Test
    void publicPagesDoNotStartASessionForAnonymousVisitors() {
        for (String path : new String[] {"/", "/contribution/calculator?region=371000&year=2024&category=MINOR",
                "/verify", "/policy/documents"}) {
            portal.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        }
    }

    @Test
    void healthReportsTheDatabaseOnlyToStaff() {
        portal.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
        signIn.as("wenshui-jiance").client().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
        signIn.asStaff("staff-wenshui").client().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP");
    }

    private String landing(String userAgent) {
        return portal.get().uri("/").header(HttpHeaders.USER_AGENT, userAgent).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static ResponseSpec expectBaseline(ResponseSpec response) {
        return response
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"))
                .expectHeader().value("Strict-Transport-Security", hsts -> assertThat(hsts).contains("max-age="))
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }
}
