package cn.yibao.portal.identity;

import cn.yibao.portal.identity.domain.StaffClaims;
import cn.yibao.portal.identity.domain.StaffIdentity;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/** The staff member behind a staff page session or a staff bearer token; empty for anyone else. */
public final class StaffPrincipals {

    private StaffPrincipals() {
    }

    public static Optional<StaffIdentity> identityOf(Authentication authentication) {
        if (authentication == null || authentication.getAuthorities().stream()
                .noneMatch(authority -> ("ROLE_" + PortalRoles.STAFF).equals(authority.getAuthority()))) {
            return Optional.empty();
        }
        return ResidentPrincipals.claimsOf(authentication).flatMap(StaffClaims::map);
    }
}
