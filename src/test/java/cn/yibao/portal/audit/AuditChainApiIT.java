package cn.yibao.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.PortalIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AuditChainApiIT extends PortalIntegrationTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void onlyStaffWithTheAuditorRoleMayCheckTheChain() {
        portal.get().uri("/api/v1/staff/audit/chain").exchange().expectStatus().isUnauthorized();
        portal.get().uri("/api/v1/staff/audit/chain").headers(h -> h.setBearerAuth(signIn.accessToken("weihai-adult")))
                .exchange().expectStatus().isForbidden();
        // A help desk without AUDITOR.
        portal.get().uri("/api/v1/staff/audit/chain").headers(h -> h.setBearerAuth(signIn.staffAccessToken("staff-wenshui")))
                .exchange().expectStatus().isForbidden();

        portal.get().uri("/api/v1/staff/audit/chain").headers(h -> h.setBearerAuth(signIn.staffAccessToken("staff-weihai")))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.intact").isEqualTo(true)
                .jsonPath("$.rowsChecked").value(rows -> assertThat(((Number) rows).longValue()).isPositive())
                .jsonPath("$.headHash").value(hash -> assertThat((String) hash).matches("[0-9a-f]{64}"))
                .jsonPath("$.brokenRowId").doesNotExist();
    }

    @Test
    void everyResponseCarriesARequestIdKeepingASaneOneFromTheCaller() {
        portal.get().uri("/api/v1/regions").exchange()
                .expectHeader().value(RequestIdFilter.HEADER, id -> assertThat(id).matches(UUID_PATTERN));
        portal.get().uri("/api/v1/regions").header(RequestIdFilter.HEADER, "app-7f3a9c21-0001").exchange()
                .expectHeader().valueEquals(RequestIdFilter.HEADER, "app-7f3a9c21-0001");
        portal.get().uri("/api/v1/regions").header(RequestIdFilter.HEADER, "<script>alert(1)</script>").exchange()
                .expectHeader().value(RequestIdFilter.HEADER, id -> assertThat(id).matches(UUID_PATTERN));
        portal.get().uri("/api/v1/regions").header(RequestIdFilter.HEADER, "a".repeat(65)).exchange()
                .expectHeader().value(RequestIdFilter.HEADER, id -> assertThat(id).matches(UUID_PATTERN));
        // Refused requests too.
        portal.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().value(RequestIdFilter.HEADER, id -> assertThat(id).matches(UUID_PATTERN));
    }

    @Test
    void theAuditRowOfARequestCarriesItsRequestId() {
        Map<?, ?> code = portal.get().uri("/api/v1/codes/resident")
                .headers(h -> h.setBearerAuth(signIn.accessToken("weihai-student")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        portal.post().uri("/api/v1/codes/verify")
                .headers(h -> h.setBearerAuth(signIn.staffAccessToken("staff-weihai")))
                .header(RequestIdFilter.HEADER, "counter-request-0042")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("token", code.get("token")))
                .exchange().expectStatus().isOk();

        assertThat(count("select count(*) from audit_event where request_id = 'counter-request-0042' "
                + "and action = 'CODE_VERIFY' and actor_id = 'S371000001'")).isEqualTo(1);
    }
}
