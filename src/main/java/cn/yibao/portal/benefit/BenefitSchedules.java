package cn.yibao.portal.benefit;

import cn.yibao.portal.benefit.domain.BenefitRules;
import cn.yibao.portal.benefit.domain.BenefitSchedule;
import cn.yibao.portal.benefit.domain.RemoteReduction;
import cn.yibao.portal.filing.FilingTypeCatalog;
import cn.yibao.portal.policy.SupportedRegions;
import cn.yibao.portal.policy.api.PolicyCatalog;
import cn.yibao.portal.shared.Region;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** The benefit rules for an insured region and year, from the loaded catalog and filing types (all in memory). */
@Service
class BenefitSchedules {

    private final PolicyCatalog catalog;
    private final SupportedRegions regions;
    private final FilingTypeCatalog filingTypes;
    private final Map<String, Optional<BenefitSchedule>> built = new ConcurrentHashMap<>();

    BenefitSchedules(PolicyCatalog catalog, SupportedRegions regions, FilingTypeCatalog filingTypes) {
        this.catalog = catalog;
        this.regions = regions;
        this.filingTypes = filingTypes;
    }

    /**
     * Empty for a region the portal does not serve: nothing can be said about its benefits. The catalog is fixed at
     * start, so each region's schedule of a year is built once (every page view and estimate asks for one).
     */
    Optional<BenefitSchedule> forRegion(String insuredRegion, int benefitYear) {
        return built.computeIfAbsent(insuredRegion + "/" + benefitYear, key -> build(insuredRegion, benefitYear));
    }

    private Optional<BenefitSchedule> build(String insuredRegion, int benefitYear) {
        if (!regions.isSupported(insuredRegion)) {
            return Optional.empty();
        }
        return regions.path(insuredRegion).map(path -> BenefitRules.schedule(catalog,
                path.stream().map(Region::code).toList(), benefitYear,
                RemoteReduction.of(filingTypes.typesFor(insuredRegion))));
    }
}
