package cn.yibao.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.EvoucherSimulator;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The mobile app exchanges an e-voucher authCode for the portal's own short-lived bearer token, and uses the API. */
class EvoucherAppTokenIT extends PortalIntegrationTest {

    private EvoucherSimulator evoucher;

    @BeforeEach
    void simulator() {
        evoucher = new EvoucherSimulator(portal, issuerBaseUrl);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> exchange(String authCode) {
        return portal.post().uri("/api/v1/auth/evoucher").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("authCode", authCode)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void anAuthCodeBecomesAPortalTokenThatTheApiAcceptsAsTheResident() {
        Map<String, Object> answer = exchange(evoucher.appAuthCode("wenshui-dibao"));
        assertThat(answer).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900);
        String token = (String) answer.get("access_token");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(payload).contains("\"iss\":\"urn:yibao:resident-portal\"", "\"sub\":\"14112100000000000021\"")
                .doesNotContain("pay_auth_no", "AUTH");

        String me = portal.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(me).contains("\"psnNo\":\"14112100000000000021\"", "\"maskedName\":\"刘**\"")
                .doesNotContain("141121196004152121");
    }

    @Test
    void aReusedAuthCodeIsRefusedWith401AndATamperedPortalTokenToo() {
        String code = evoucher.appAuthCode("wenshui-tekun");
        String token = (String) exchange(code).get("access_token");

        portal.post().uri("/api/v1/auth/evoucher").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("authCode", code)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("授权码已过期或已使用，请重新授权。");

        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);
        portal.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(forged)).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aRequestWithoutAnAuthCodeIsA400NamingIt() {
        portal.post().uri("/api/v1/auth/evoucher").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("authCode");
    }
}
