package cn.yibao.portal.identity.api;

import cn.yibao.portal.shared.Phrase;
import java.util.List;

/**
 * Whether a staff member may act on something: they must hold the role the act needs, and the thing must lie in
 * their region — the region itself or a place inside it, so that a city's staff act for its counties and a county's
 * staff for nothing outside the county. Decided on the server for every staff request.
 */
public final class StaffPowers {

    public sealed interface Decision {
    }

    public record Allowed() implements Decision {
    }

    /** The staff member lacks the role. */
    public record MissingRole(StaffRole role) implements Decision {

        public Phrase message() {
            return Phrase.of("staff.refused.role", Phrase.of("staff.role." + role.name()));
        }
    }

    /** The thing is outside the staff member's region (or its region is unknown). */
    public record OtherRegion() implements Decision {

        public Phrase message() {
            return Phrase.of("staff.refused.region");
        }
    }

    private StaffPowers() {
    }

    /**
     * @param objectRegionPath the region of the thing acted on and its ancestors up to national, as the region
     *                         catalog walks them; {@code null} when the act concerns no region's thing (a list that is
     *                         filtered to the staff member's region, or the audit chain); empty for an unknown region,
     *                         which nobody may act on
     */
    public static Decision decide(StaffIdentity staff, StaffRole role, List<String> objectRegionPath) {
        if (!holds(staff, role)) {
            return new MissingRole(role);
        }
        if (objectRegionPath != null && !covers(staff.regionCode(), objectRegionPath)) {
            return new OtherRegion();
        }
        return new Allowed();
    }

    public static boolean holds(StaffIdentity staff, StaffRole role) {
        return staff.roles().contains(role.name());
    }

    /** The region {@code staffRegion} holds the place whose path (the place and its ancestors) is given. */
    public static boolean covers(String staffRegion, List<String> objectRegionPath) {
        return staffRegion != null && objectRegionPath != null && objectRegionPath.contains(staffRegion);
    }
}
