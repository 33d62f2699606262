package cn.yibao.portal.identity;

import java.util.Map;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import reactor.core.publisher.Mono;

/**
 * The API trusts bearer tokens from exactly two issuers: the e-voucher issuer (residents, the mobile app) and the
 * staff issuer (help desks). The issuer decides the role; tokens from anywhere else are refused with 401.
 */
final class BearerTokenIssuers {

    private BearerTokenIssuers() {
    }

    static JwtIssuerReactiveAuthenticationManagerResolver resolver(String residentIssuer, String staffIssuer) {
        Map<String, ReactiveAuthenticationManager> managers = Map.of(
                residentIssuer, manager(residentIssuer, false),
                staffIssuer, manager(staffIssuer, true));
        return new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> Mono.justOrEmpty(managers.get(issuer)));
    }

    private static ReactiveAuthenticationManager manager(String issuer, boolean staff) {
        // Discovery and key fetching happen reactively on first use, not at start-up and not blocking.
        JwtReactiveAuthenticationManager manager =
                new JwtReactiveAuthenticationManager(NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build());
        manager.setJwtAuthenticationConverter(jwt -> Mono.just(new JwtAuthenticationToken(jwt,
                staff ? IssuerRoles.forStaff(jwt.getClaims()) : IssuerRoles.forResident(), jwt.getSubject())));
        return manager;
    }
}
