package cn.yibao.portal.identity;

import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
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

    /** @param audiences when not empty, a token must name one of them in {@code aud} (the provider issues tokens to other apps too) */
    static JwtIssuerReactiveAuthenticationManagerResolver resolver(String residentIssuer, String staffIssuer,
                                                                  List<String> audiences) {
        Map<String, ReactiveAuthenticationManager> managers = Map.of(
                residentIssuer, manager(residentIssuer, false, audiences),
                staffIssuer, manager(staffIssuer, true, audiences));
        return new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> Mono.justOrEmpty(managers.get(issuer)));
    }

    private static ReactiveAuthenticationManager manager(String issuer, boolean staff, List<String> audiences) {
        // Discovery and key fetching happen reactively on first use, not at start-up and not blocking.
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build();
        if (!audiences.isEmpty()) {
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                    new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                            aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
        }
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(jwt -> Mono.just(new JwtAuthenticationToken(jwt,
                staff ? IssuerRoles.forStaff(jwt.getClaims()) : IssuerRoles.forResident(), jwt.getSubject())));
        return manager;
    }
}
