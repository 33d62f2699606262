package cn.yibao.portal.identity.domain;

import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.identity.api.StaffRole;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps the staff issuer's claims ({@code staff_id}, {@code name}, {@code admdvs}, {@code roles}, {@code service_point}). */
public final class StaffClaims {

    /** Roles a staff member may hold; anything else in the claim is ignored. */
    public static final List<String> KNOWN_ROLES = java.util.Arrays.stream(StaffRole.values()).map(Enum::name).toList();

    private StaffClaims() {
    }

    public static Optional<StaffIdentity> map(Map<String, Object> claims) {
        String subject = text(claims.get("sub"));
        String staffId = text(claims.get("staff_id"));
        String name = text(claims.get("name"));
        String region = text(claims.get("admdvs"));
        if (subject == null || staffId == null || name == null || region == null || !region.matches("\\d{6}")) {
            return Optional.empty();
        }
        List<String> roles = claims.get("roles") instanceof Collection<?> values
                ? values.stream().map(String::valueOf).filter(KNOWN_ROLES::contains).toList()
                : List.of();
        return Optional.of(new StaffIdentity(subject, staffId, name, region, roles, text(claims.get("service_point"))));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
