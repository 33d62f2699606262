package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.PortalIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Behind the reverse proxy (the tests' profile names 127.0.0.1 as the proxy, as production names its nginx): the
 * client address is the one the proxy saw, whatever a client wrote into {@code X-Forwarded-For} itself — also when
 * the proxy appends to the client's header ({@code $proxy_add_x_forwarded_for}) instead of replacing it. It is the
 * address the audit trail records and the verification rate limit counts.
 */
class ForwardedHeadersIT extends PortalIntegrationTest {

    @Test
    void theAuditTrailRecordsTheAddressTheProxySawNotOneTheClientWrote() {
        assertThat(auditedAddress("198.51.100.7")).isEqualTo("198.51.100.7");
        // nginx with "X-Forwarded-For $proxy_add_x_forwarded_for" appends the address it saw to the client's own header.
        assertThat(auditedAddress("6.6.6.6, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(auditedAddress("6.6.6.6, 7.7.7.7, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(auditedAddress("unknown, 198.51.100.7")).isEqualTo("198.51.100.7");
    }

    @Test
    void aForwardedHeaderThroughTheProxyCannotChooseTheAddressEither() {
        String requestId = "fwd-" + UUID.randomUUID();
        portal.get().uri("/login/oauth2/code/evoucher?code=nothing&state=nothing")
                .header("X-Request-Id", requestId)
                .header("Forwarded", "for=6.6.6.6;proto=https")
                .header("X-Forwarded-For", "198.51.100.8")
                .exchange().expectStatus().is3xxRedirection();
        assertThat(addressOf(requestId)).isEqualTo("198.51.100.8");
    }

    @Test
    void theProxysSchemeIsTakenSoThatRedirectsStayOnHttps() {
        String location = portal.get().uri("/oauth2/authorization/evoucher")
                .header("X-Forwarded-Proto", "https")
                .header("Host", "portal.example.cn")
                .exchange().expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        assertThat(location).contains("redirect_uri=https://portal.example.cn/login/oauth2/code/evoucher");
    }

    /** A failed sign-in callback (no session, no state) is audited with the request's client address. */
    private String auditedAddress(String forwardedFor) {
        String requestId = "fwd-" + UUID.randomUUID();
        portal.get().uri("/login/oauth2/code/evoucher?code=nothing&state=nothing")
                .header("X-Request-Id", requestId)
                .header("X-Forwarded-For", forwardedFor)
                .header("X-Forwarded-Proto", "https")
                .exchange().expectStatus().is3xxRedirection();
        return addressOf(requestId);
    }

    private String addressOf(String requestId) {
        return database.sql("select client_address from audit_event where request_id = :id")
                .bind("id", requestId).map(row -> row.get(0, String.class)).one().block();
    }
}
