package cn.yibao.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.identity.domain.mip.UserQuerySignature;
import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.EvoucherSimulator;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

/**
 * Resident sign-in through the national e-voucher protocol (authorization page, userQuery, 1101) against the
 * sandbox's simulator of the platform, with the adapter production runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class EvoucherSignInIT extends PortalIntegrationTest {

    private static final String DIBAO_CERTNO = "141121196004152121";
    private static final String DIBAO_PSN_NO = "14112100000000000021";

    private EvoucherSimulator evoucher;

    @BeforeEach
    void simulator() {
        evoucher = new EvoucherSimulator(portal, issuerBaseUrl);
    }

    @Test
    void theRedirectAsksForOnlineIdentityCheckWithTheChannelCodeUnencodedAndAOneTimeState() {
        URI authorize = evoucher.start(evoucher.newBrowser());

        assertThat(authorize.toString()).startsWith(issuerBaseUrl + "/mip/authorize?");
        assertThat(authorize.getRawQuery()).contains("bizType=04107", "cityCode=141100", "channel=AppH5",
                "orgChnlCrtfCodg=BqK1kMStlhVDgN2uHf4EsLK/F-SANDBOX", "orgCodg=H14112100001",
                "orgAppId=SANDBOX-MIP-APP-0001");
        assertThat(EvoucherSimulator.queryParam(authorize, "state")).hasSize(32);
        assertThat(EvoucherSimulator.queryParam(authorize, "redirectUrl"))
                .isEqualTo("http://localhost:" + port + "/login/evoucher/callback");
        assertThat(EvoucherSimulator.queryParam(evoucher.start(evoucher.newBrowser()), "state"))
                .isNotEqualTo(EvoucherSimulator.queryParam(authorize, "state"));
        String page = evoucher.authorizationPage(authorize).getResponseBody();
        assertThat(page).contains("医保电子凭证授权", "刘桂芳", "亲情账户授权", "王建国 为 王小明 授权");
    }

    @Test
    void aDibaoResidentSignsInThroughTheSimulatorWithANewSessionAndNoSecretOrIdNumberInTheLogs(CapturedOutput output) {
        BrowserSession browser = evoucher.newBrowser();
        URI back = evoucher.choose(evoucher.start(browser), "wenshui-dibao", null);
        String before = browser.sessionId();
        assertThat(EvoucherSimulator.queryParam(back, "authCode")).isNotBlank();

        assertThat(evoucher.callback(browser, back)).hasPath("/home");
        assertThat(browser.sessionId()).as("session id changes at sign-in").isNotNull().isNotEqualTo(before);

        String home = browser.page("/home");
        assertThat(home).contains("刘**", "141***********2121", "文水县").doesNotContain(DIBAO_CERTNO, "刘桂芳", "AUTH");
        assertThat(count("select count(*) from resident where psn_no = '" + DIBAO_PSN_NO + "' "
                + "and last_sign_in_at is not null and assistance = 'MINIMUM_LIVING'")).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'SIGN_IN' and outcome = 'SUCCESS' "
                + "and actor_id = '" + DIBAO_PSN_NO + "' and resident_id is not null")).isGreaterThanOrEqualTo(1);
        assertThat(output.getAll()).doesNotContain(DIBAO_CERTNO, "sandbox-partner-secret", "sandbox-app-secret-2023",
                "bbe4629124be9844420e3d005d6ceb0496312a29bb798bd8e202cc1fca27a8ed",
                EvoucherSimulator.queryParam(back, "authCode"));
    }

    @Test
    void aFamilyAccountAuthorisationSignsInTheFamilyMember() {
        BrowserSession browser = evoucher.newBrowser();
        URI back = evoucher.choose(evoucher.start(browser), "wenshui-general", "14112100000000000014");
        assertThat(evoucher.callback(browser, back)).hasPath("/home");
        assertThat(browser.page("/home")).contains("王**");
        assertThat(count("select count(*) from resident where psn_no = '14112100000000000014' "
                + "and last_sign_in_at is not null")).isEqualTo(1);
    }

    @Test
    void aCancelledAuthorisationSignsNobodyInSaysSoAndIsAudited() {
        BrowserSession browser = evoucher.newBrowser();
        long before = count("select count(*) from audit_event where action = 'SIGN_IN' and outcome = 'FAILURE' "
                + "and detail like 'CANCELLED%'");
        URI back = evoucher.choose(evoucher.start(browser), "cancel", null);
        assertThat(EvoucherSimulator.queryParam(back, "error")).isEqualTo("cancelled");

        URI landing = evoucher.callback(browser, back);
        assertThat(landing.toString()).isEqualTo("/?error=mip-cancelled");
        assertThat(browser.page("/?error=mip-cancelled")).contains("您取消了医保电子凭证授权");
        assertNotSignedIn(browser);
        assertThat(count("select count(*) from audit_event where action = 'SIGN_IN' and outcome = 'FAILURE' "
                + "and detail like 'CANCELLED%'")).isEqualTo(before + 1);
    }

    @Test
    void aReusedAuthCodeOrAForeignStateIsRefused() {
        BrowserSession first = evoucher.newBrowser();
        URI back = evoucher.choose(evoucher.start(first), "wenshui-tekun", null);
        assertThat(evoucher.callback(first, back)).hasPath("/home");

        BrowserSession second = evoucher.newBrowser();
        String state = EvoucherSimulator.queryParam(evoucher.start(second), "state");
        URI replay = URI.create("http://localhost:" + port + "/login/evoucher/callback?authCode="
                + EvoucherSimulator.queryParam(back, "authCode") + "&state=" + state);
        assertThat(evoucher.callback(second, replay).toString()).isEqualTo("/?error=mip-expired");
        assertNotSignedIn(second);

        BrowserSession third = evoucher.newBrowser();
        URI fresh = evoucher.choose(evoucher.start(third), "wenshui-tekun", null);
        URI forged = URI.create(fresh.toString().replaceAll("state=[0-9a-f]+", "state=" + "0".repeat(32)));
        assertThat(evoucher.callback(third, forged).toString()).isEqualTo("/?error=mip-expired");
        assertNotSignedIn(third);
        assertThat(count("select count(*) from audit_event where action = 'SIGN_IN' and outcome = 'FAILURE' "
                + "and detail like 'CODE_EXPIRED%'")).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'SIGN_IN' and outcome = 'FAILURE' "
                + "and detail like 'STATE_MISMATCH%'")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void someoneOutsideTheResidentSchemeOrInsuredInARegionNotServedIsToldWhyAndNotSignedIn() {
        BrowserSession employee = evoucher.newBrowser();
        assertThat(evoucher.callback(employee, evoucher.choose(evoucher.start(employee), "mip-employee", null))
                .toString()).isEqualTo("/?error=mip-not-resident");
        assertNotSignedIn(employee);
        assertThat(employee.page("/?error=mip-not-resident")).contains("未参加城乡居民基本医疗保险");

        BrowserSession elsewhere = evoucher.newBrowser();
        assertThat(evoucher.callback(elsewhere, evoucher.choose(evoucher.start(elsewhere), "mip-elsewhere", null))
                .toString()).isEqualTo("/?error=mip-region");
        assertNotSignedIn(elsewhere);
        assertThat(count("select count(*) from resident where psn_no in ('14112100000000000091', '44030500000000000092')"))
                .isZero();
    }

    @Test
    void theSimulatorRefusesAPercentEncodedChannelCodeWhereItExpectsItRaw() {
        URI authorize = evoucher.start(evoucher.newBrowser());
        URI encoded = URI.create(authorize.toString().replace("LK/F-SANDBOX", "LK%2FF-SANDBOX"));
        var refused = evoucher.authorizationPage(encoded);
        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(refused.getResponseBody()).contains("渠道证书编码不正确");
    }

    @Test
    void userQueryRefusesAWrongSignatureAndAStaleTimestamp() {
        var simulator = org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                .baseUrl(issuerBaseUrl).build();
        long now = System.currentTimeMillis();
        simulator.post().uri("/mip/api/mipuserquery/userQuery/sandbox-partner").contentType(MediaType.APPLICATION_JSON)
                .header(UserQuerySignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(UserQuerySignature.SIGNATURE_HEADER, UserQuerySignature.sign("sandbox-partner", "guessed", now))
                .bodyValue("{\"qrcode\":\"x\"}").exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.message").isEqualTo("签名不正确");
        long stale = now - 10 * 60_000;
        simulator.post().uri("/mip/api/mipuserquery/userQuery/sandbox-partner").contentType(MediaType.APPLICATION_JSON)
                .header(UserQuerySignature.TIMESTAMP_HEADER, Long.toString(stale))
                .header(UserQuerySignature.SIGNATURE_HEADER,
                        UserQuerySignature.sign("sandbox-partner", "sandbox-partner-secret", stale))
                .bodyValue("{\"qrcode\":\"x\"}").exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.message").isEqualTo("请求时间戳超出允许范围");
    }

    private static void assertNotSignedIn(BrowserSession browser) {
        assertThat(browser.client().get().uri("/home").exchange().expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString()).startsWith("/?signin");
    }
}
