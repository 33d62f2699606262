package cn.yibao.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.PortalIntegrationTest;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /api/v1/me} with and without bearer tokens. This class runs its own issuer so that it can also mint
 * expired and wrong-issuer tokens signed with the issuer's real keys.
 */
class ResidentApiAuthenticationIT extends PortalIntegrationTest {

    private static final MockOAuth2Server ISSUER = startIssuer();
    private static final Map<String, Object> DIBAO_CLAIMS = Map.of("name", "刘桂芳", "certno", "141121196004152121",
            "psn_no", "14112100000000000021", "insuplc_admdvs", "141121");

    private static MockOAuth2Server startIssuer() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start(InetAddress.getLoopbackAddress(), 0);
        return server;
    }

    @DynamicPropertySource
    static void useThisIssuer(DynamicPropertyRegistry registry) {
        // Tokens minted in the test carry the issuer's own host name, so the portal must use the same one.
        registry.add("portal.sandbox.issuer-base-url", () -> "http://" + ISSUER.baseUrl().host() + ":" + ISSUER.baseUrl().port());
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.shutdown();
    }

    @Test
    void withoutATokenTheApiAnswers401ProblemDetailsAndNeverRedirects() {
        portal.get().uri("/api/v1/me").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.LOCATION)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("访问令牌"));
    }

    @Test
    void aValidTokenReturnsTheMaskedResident() {
        String body = portal.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(token("evoucher", 3600)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"psnNo\":\"14112100000000000021\"", "\"maskedName\":\"刘**\"",
                "\"maskedCertno\":\"141***********2121\"", "\"code\":\"141121\"", "\"name\":\"文水县\"")
                .doesNotContain("141121196004152121", "刘桂芳");
    }

    @Test
    void aTamperedTokenIsRefusedWith401() {
        String token = token("evoucher", 3600);
        String[] parts = token.split("\\.");
        String payload = parts[1];
        char flipped = payload.charAt(10) == 'A' ? 'B' : 'A';
        String tampered = parts[0] + "." + payload.substring(0, 10) + flipped + payload.substring(11) + "." + parts[2];

        expectInvalidToken(tampered);
    }

    @Test
    void anExpiredTokenIsRefusedWith401() {
        expectInvalidToken(token("evoucher", -600));
    }

    @Test
    void aStaffIssuerTokenIsNotAResidentToken() {
        portal.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(token("staff", 3600))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTokenFromAnUntrustedIssuerIsRefusedWith401() {
        MockOAuth2Server elsewhere = startIssuer();
        try {
            expectInvalidToken(elsewhere.issueToken("evoucher", "wenshui-dibao", "resident-app", DIBAO_CLAIMS, 3600)
                    .serialize());
        } finally {
            elsewhere.shutdown();
        }
    }

    @Test
    void aValidTokenWithoutResidentClaimsIsForbidden() {
        String token = ISSUER.issueToken("evoucher", "someone", "resident-app", Map.of("name", "某人"), 3600).serialize();
        portal.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("身份信息"));
    }

    private void expectInvalidToken(String token) {
        portal.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("令牌"));
    }

    private static String token(String issuerId, long lifetimeSeconds) {
        return ISSUER.issueToken(issuerId, "wenshui-dibao", "resident-app", DIBAO_CLAIMS, lifetimeSeconds).serialize();
    }
}
