package cn.yibao.portal.identity;

import java.util.HashMap;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
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
 * The API trusts bearer tokens from the e-voucher issuer (residents, the mobile app), the staff issuer (help desks)
 * and the portal itself (the mobile app's tokens exchanged for an e-voucher authCode, when configured). The issuer decides the role; tokens from anywhere else are refused with 401.
 */
final class BearerTokenIssuers {

    private BearerTokenIssuers() {
    }

    /** @param audiences when not empty, a token must name one of them in {@code aud} (the provider issues tokens to other apps too) */
    static JwtIssuerReactiveAuthenticationManagerResolver resolver(String residentIssuer, String staffIssuer,
                                                                  List<String> audiences) {
        return resolver(residentIssuer, staffIssuer, null, null, audiences);
    }

    /**
     * @param portalIssuer the portal's own issuer for the mobile app's tokens (exchanged for an e-voucher authCode),
     *                     HS256 under {@code portalKey}; null when the portal issues none
     */
    static JwtIssuerReactiveAuthenticationManagerResolver resolver(String residentIssuer, String staffIssuer,
                                                                  String portalIssuer, SecretKey portalKey,
                                                                  List<String> audiences) {
        Map<String, ReactiveAuthenticationManager> managers = new HashMap<>();
        // No resident issuer when residents sign in through the national e-voucher only (no OIDC broker).
        if (residentIssuer != null && !residentIssuer.isBlank()) {
            managers.put(residentIssuer, manager(residentIssuer, false, audiences));
        }
        managers.put(staffIssuer, manager(staffIssuer, true, audiences));
        if (portalIssuer != null && portalKey != null) {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(portalKey)
                    .macAlgorithm(MacAlgorithm.HS256).build();
            decoder.setJwtValidator(validator(portalIssuer, audiences));
            JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
            manager.setJwtAuthenticationConverter(jwt -> Mono.just(new JwtAuthenticationToken(jwt,
                    IssuerRoles.forResident(), jwt.getSubject())));
            managers.put(portalIssuer, manager);
        }
        return new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> Mono.justOrEmpty(managers.get(issuer)));
    }

    private static org.springframework.security.oauth2.core.OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt>
            validator(String issuer, List<String> audiences) {
        if (audiences.isEmpty()) {
            return JwtValidators.createDefaultWithIssuer(issuer);
        }
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
    }

    private static ReactiveAuthenticationManager manager(String issuer, boolean staff, List<String> audiences) {
        // Discovery and key fetching happen reactively on first use, not at start-up and not blocking.
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build();
        if (!audiences.isEmpty()) {
            decoder.setJwtValidator(validator(issuer, audiences));
        }
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(jwt -> Mono.just(new JwtAuthenticationToken(jwt,
                staff ? IssuerRoles.forStaff(jwt.getClaims()) : IssuerRoles.forResident(), jwt.getSubject())));
        return manager;
    }
}
