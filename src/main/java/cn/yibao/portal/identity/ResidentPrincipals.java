package cn.yibao.portal.identity;

import cn.yibao.portal.identity.api.EvoucherIdentity;
import cn.yibao.portal.identity.domain.EvoucherClaims;
import cn.yibao.portal.identity.mip.MipResidentAuthentication;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The e-voucher identity behind a signed-in page session (the national e-voucher adapter's resident, or an OIDC user)
 * or an API bearer token (JWT).
 */
public final class ResidentPrincipals {

    private ResidentPrincipals() {
    }

    /**
     * Only a principal the e-voucher issuer vouched for is a resident: a staff-issuer token carrying a resident's
     * claims is nobody's e-voucher identity (it may act for a resident only through the assisted-session gate).
     */
    public static Optional<EvoucherIdentity> identityOf(Authentication authentication) {
        if (authentication == null || authentication.getAuthorities().stream()
                .noneMatch(authority -> ("ROLE_" + PortalRoles.RESIDENT).equals(authority.getAuthority()))) {
            return Optional.empty();
        }
        return claimsOf(authentication)
                .map(EvoucherClaims::map)
                .filter(EvoucherClaims.Mapped.class::isInstance)
                .map(mapping -> ((EvoucherClaims.Mapped) mapping).identity());
    }

    static Optional<Map<String, Object>> claimsOf(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication instanceof MipResidentAuthentication resident) {
            return Optional.of(resident.claims());
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(token.getToken().getClaims());
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            return Optional.of(user.getClaims());
        }
        return Optional.empty();
    }
}
