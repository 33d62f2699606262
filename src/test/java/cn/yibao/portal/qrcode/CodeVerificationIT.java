package cn.yibao.portal.qrcode;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class CodeVerificationIT extends PortalIntegrationTest {

    @Autowired
    Codes codes;

    private String residentCode(String login) {
        Map<?, ?> code = portal.get().uri("/api/v1/codes/resident").headers(h -> h.setBearerAuth(signIn.accessToken(login)))
                .exchange().expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) code.get("imageUrl")).endsWith(code.get("token") + ".svg");
        return (String) code.get("token");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec verify(String token, String bearer) {
        return portal.post().uri("/api/v1/codes/verify")
                .headers(h -> {
                    if (bearer != null) {
                        h.setBearerAuth(bearer);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("token", token)).exchange();
    }

    @Test
    void withoutAStaffSignInAResidentCodeRevealsNothingButThatStaffMustSignIn() {
        String body = verify(residentCode("wenshui-dibao"), null)
                .expectStatus().isForbidden()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("需要工作人员登录").doesNotContain("刘", "文水", "expiresAt\":\"2");
        verify(residentCode("wenshui-dibao"), signIn.accessToken("wenshui-general")).expectStatus().isForbidden();
    }

    @Test
    void thePublicPageSaysAResidentCodeIsForStaffToCheckNotThatItIsInvalidAndStaffSignInComesBackToIt() {
        String token = residentCode("wenshui-dibao");
        cn.yibao.portal.support.BrowserSession visitor = signIn.newBrowser();
        String page = visitor.client().get().uri("/verify?t=" + token).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"verification-result\"", "result-staff-only", "此码需由医保经办工作人员核验",
                        "不表示二维码无效", "id=\"verify-staff-signin\"")
                .doesNotContain("无效：", "✘", "result-invalid", "flash-error", "刘", "文水县");
        String signInLink = page.replaceAll("(?s).*id=\"verify-staff-signin\"[^>]*href=\"([^\"]+)\".*", "$1")
                .replace("&amp;", "&");
        assertThat(signInLink).startsWith("/?signin=staff&return=");

        // The staff member opens the link, signs in on the staff issuer, and is back on this code, now verified.
        visitor.client().get().uri(java.net.URI.create("http://localhost:" + port + signInLink)).exchange().expectStatus().isOk();
        var start = signIn.start(visitor, "staff");
        var callback = signIn.callback(visitor, signIn.submitIssuerLogin(start.authorize(), "staff-wenshui", null));
        java.net.URI back = callback.getResponseHeaders().getLocation();
        assertThat(back).hasPath("/verify");
        assertThat(back.getRawQuery()).isEqualTo("t=" + token);
        assertThat(visitor.client().get().uri(java.net.URI.create("http://localhost:" + port + back)).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody()).contains("result-valid", "刘**").doesNotContain("result-staff-only");
    }

    @Test
    void staffSeeTheMaskedResidentRegionAndStatusAndTheVerificationIsAudited() {
        // The same filter before and after: other tests' verifications by this worker (prescription codes carry no
        // resident id, refused codes fail) must not count on one side only.
        String rows = "select count(*) from audit_event where action = 'CODE_VERIFY' and actor_id = 'S141121001' "
                + "and actor_type = 'STAFF' and resident_id is not null and outcome = 'SUCCESS'";
        long before = count(rows);

        verify(residentCode("wenshui-dibao"), signIn.staffAccessToken("staff-wenshui"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.purpose").isEqualTo("RESIDENT")
                .jsonPath("$.subject").isEqualTo("刘**")
                .jsonPath("$.region").isEqualTo("文水县")
                .jsonPath("$.status").value(status -> assertThat((String) status).contains("2024"))
                .jsonPath("$.expiresAt").isNotEmpty();

        assertThat(count(rows)).isEqualTo(before + 1);
    }

    @Test
    void expiredRevokedAndTamperedCodesAreRefusedWithTheirReason() {
        String staff = signIn.staffAccessToken("staff-weihai");
        UUID someone = UUID.randomUUID();
        Codes.IssuedCode expired = codes.issue(CodePurpose.RECEIPT, someone, Duration.ZERO);
        Codes.IssuedCode revoked = codes.issue(CodePurpose.FILING, someone, Duration.ofDays(30));
        codes.revoke(revoked.token(), revoked.expiresAt()).block();
        String resident = residentCode("wenshui-fanpin");
        String tampered = resident.substring(0, 20) + (resident.charAt(20) == 'A' ? 'B' : 'A') + resident.substring(21);

        verify(expired.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(false).jsonPath("$.reason").isEqualTo("已过期");
        verify(revoked.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(false).jsonPath("$.reason").isEqualTo("已撤销");
        verify(tampered, staff).expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(false).jsonPath("$.reason").isEqualTo("签名无效")
                .jsonPath("$.subject").doesNotExist();
    }

    /** Genuine receipts verifying for anyone is shown in PaymentApiIT and the payment journey. */
    @Test
    void aReceiptCodeWhoseReceiptDoesNotExistIsNotGenuine() {
        Codes.IssuedCode receipt = codes.issue(CodePurpose.RECEIPT, UUID.randomUUID(), Duration.ofDays(180));

        verify(receipt.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(false);
        String page = portal.get().uri("/verify?t=" + receipt.token()).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("result-invalid");
    }

    @Test
    void aFilingCodeWhoseFilingDoesNotExistIsNotGenuine() {
        Codes.IssuedCode filing = codes.issue(CodePurpose.FILING, UUID.randomUUID(), Duration.ofDays(180));

        verify(filing.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(false).jsonPath("$.reason").isEqualTo("已撤销");
    }

    @Test
    void onlyCodesThisServerSignedAreDrawnWithAStrongEtag() {
        String token = residentCode("wenshui-tekun");
        String etag = portal.get().uri("/codes/image/" + token + ".svg").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("image/svg+xml")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("immutable"))
                .returnResult(String.class).getResponseHeaders().getETag();

        portal.get().uri("/codes/image/" + token + ".svg").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();
        portal.get().uri("/codes/image/" + token + ".png").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG);
        portal.get().uri("/codes/image/any-text-at-all.svg").exchange().expectStatus().isNotFound();
        portal.get().uri("/codes/image/" + "A".repeat(63) + ".svg").exchange().expectStatus().isNotFound();
    }

    @Test
    void aParentShowsTheCodeOfABoundMinorButNotOfAnAdultOrAStranger() {
        String parent = signIn.accessToken("weihai-adult");
        Map<?, ?> family = portal.get().uri("/api/v1/family").headers(h -> h.setBearerAuth(parent)).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        Object child = ((Map<?, ?>) ((java.util.List<?>) family.get("members")).get(0)).get("memberId");

        portal.get().uri("/api/v1/codes/resident?member=" + child).headers(h -> h.setBearerAuth(parent)).exchange()
                .expectStatus().isOk();
        portal.get().uri("/api/v1/codes/resident?member=" + child)
                .headers(h -> h.setBearerAuth(signIn.accessToken("fuzhou-general"))).exchange()
                .expectStatus().isNotFound();
    }
}
