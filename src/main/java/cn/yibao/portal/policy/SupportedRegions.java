package cn.yibao.portal.policy;

import cn.yibao.portal.policy.api.PolicyCatalog;
import cn.yibao.portal.shared.Region;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which regions the portal serves: those with a local policy document and every region beneath them (their
 * documents apply by the county → city → province walk). Elsewhere only national minimums are known, so the portal
 * says the region is not yet supported.
 */
@Component
public class SupportedRegions {

    private final RegionCatalog regions;
    private final PolicyCatalog catalog;
    private final List<String> documentRegions;
    private final List<Region> supported;

    SupportedRegions(RegionCatalog regions, PolicyCatalog catalog) {
        this.regions = regions;
        this.catalog = catalog;
        this.documentRegions = catalog.regionsWithLocalDocuments();
        this.supported = documentRegions.stream()
                .flatMap(code -> regions.withDescendants(code).stream())
                .distinct()
                .sorted(Comparator.comparing(Region::code))
                .toList();
    }

    public boolean isSupported(String code) {
        return catalog.hasLocalDocument(regions.pathToNational(code));
    }

    public List<Region> all() {
        return supported;
    }

    /** The regions that issued documents themselves, e.g. for a short list on a form. */
    public List<Region> withDocuments() {
        return documentRegions.stream().map(regions::find).flatMap(Optional::stream).toList();
    }

    /** The region and its ancestors up to national, or empty for an unknown code. */
    public Optional<List<Region>> path(String code) {
        if (!regions.contains(code)) {
            return Optional.empty();
        }
        return Optional.of(regions.pathToNational(code).stream().map(c -> regions.find(c).orElseThrow()).toList());
    }

    /** "山东省 威海市": the place as people name it, levels separated by a space (for choices). */
    public String displayName(String code) {
        return regions.displayName(code, " ");
    }

    public Optional<Region> find(String code) {
        return regions.find(code);
    }
}
