package cn.yibao.portal.identity;

import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.identity.api.StaffPowers;
import cn.yibao.portal.identity.api.StaffRole;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Region;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@link StaffPowers} with the region catalog: whether a staff member may act, with a role, on a thing of a region
 * (the region itself or a place inside the staff member's region), and the region codes a staff member's lists are
 * filtered to.
 */
@Component
public class StaffAccess {

    private final RegionCatalog regions;

    StaffAccess(RegionCatalog regions) {
        this.regions = regions;
    }

    /** Empty when allowed; otherwise the reason (missing role, or another region's thing). */
    public Optional<Phrase> refusal(StaffIdentity staff, StaffRole role, String objectRegionCode) {
        StaffPowers.Decision decision = StaffPowers.decide(staff, role, regions.pathToNational(objectRegionCode));
        if (decision instanceof StaffPowers.MissingRole missing) {
            return Optional.of(missing.message());
        }
        return decision instanceof StaffPowers.OtherRegion other ? Optional.of(other.message()) : Optional.empty();
    }

    /** The place lies in the staff member's region (the region itself or inside it). */
    public boolean covers(StaffIdentity staff, String regionCode) {
        return StaffPowers.covers(staff.regionCode(), regions.pathToNational(regionCode));
    }

    /** The staff member's region and every place inside it, for filtering lists in SQL. */
    public List<String> regionCodes(StaffIdentity staff) {
        return regions.withDescendants(staff.regionCode()).stream().map(Region::code).toList();
    }
}
