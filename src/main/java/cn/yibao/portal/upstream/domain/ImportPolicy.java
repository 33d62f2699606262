package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.policy.api.FigureKind;
import cn.yibao.portal.policy.api.Parameter;
import cn.yibao.portal.policy.api.PolicyCatalog;
import cn.yibao.portal.policy.api.PolicyFigure;
import cn.yibao.portal.shared.Region;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the line rules check against besides the line itself: the business date, the regions the portal knows (as
 * paths up to national), the policy catalog, and the portal's longest prescription supply (a setting).
 */
public final class ImportPolicy {

    private final LocalDate today;
    private final Function<String, List<String>> regionPath;
    private final PolicyCatalog catalog;
    private final int maxDaysSupply;
    private final int firstBenefitYear;

    /**
     * @param regionPath a region code → the region and its ancestors up to national (empty for an unknown code)
     * @param maxDaysSupply the longest supply a prescription may have ({@code portal.upstream.max-days-supply})
     */
    public ImportPolicy(LocalDate today, Function<String, List<String>> regionPath, PolicyCatalog catalog,
                        int maxDaysSupply) {
        if (maxDaysSupply < 1) {
            throw new IllegalArgumentException("the longest prescription supply must be at least one day");
        }
        List<Integer> years = catalog.benefitYears();
        if (years.isEmpty()) {
            throw new IllegalArgumentException("the policy catalog has no benefit year");
        }
        this.today = today;
        this.regionPath = regionPath;
        this.catalog = catalog;
        this.maxDaysSupply = maxDaysSupply;
        this.firstBenefitYear = years.get(0);
    }

    LocalDate today() {
        return today;
    }

    boolean knownRegion(String code) {
        return !regionPath.apply(code).isEmpty();
    }

    List<String> regionPath(String code) {
        return regionPath.apply(code);
    }

    String regionName(String code) {
        return catalog.regionName(code);
    }

    int maxDaysSupply() {
        return maxDaysSupply;
    }

    /**
     * The first benefit year the catalog has contribution figures for. Older records cannot be checked against
     * policy (and nothing here would read them), so a settlement or contribution before it is refused.
     */
    int firstBenefitYear() {
        return firstBenefitYear;
    }

    /**
     * The pooling area (统筹地区) of an insured region path: its city (地市级统筹), as remote-settlement filings count
     * it — except that a municipality's 市辖区 / 县 grouping stands for the municipality itself, and a county-level
     * city directly under a province (省直辖县级行政区划) is its own area. {@code null} for an unknown region.
     */
    String poolingArea(List<String> path) {
        if (path.isEmpty()) {
            return null;
        }
        if (path.size() < 3) {
            return path.get(0);
        }
        String city = path.get(path.size() - 3);
        if (Region.groupsCountiesUnderProvince(catalog.regionName(city))) {
            return path.size() >= 4 ? path.get(path.size() - 4) : city;
        }
        return catalog.isGrouping(city) ? path.get(path.size() - 2) : city;
    }

    /**
     * Whether a facility's region lies inside the insured person's pooling area; empty when it cannot be told (an
     * unknown region, or a facility named only by a region that holds the whole pooling area, such as its province).
     */
    Optional<Boolean> insidePoolingArea(List<String> insuredPath, String facilityRegion) {
        String area = poolingArea(insuredPath);
        List<String> facilityPath = regionPath(facilityRegion);
        if (area == null || facilityPath.isEmpty()) {
            return Optional.empty();
        }
        if (facilityPath.contains(area)) {
            return Optional.of(true);
        }
        List<String> areaAndAbove = insuredPath.subList(insuredPath.indexOf(area), insuredPath.size());
        return areaAndAbove.contains(facilityRegion) ? Optional.empty() : Optional.of(false);
    }

    /**
     * The highest personal contribution the catalog publishes for the person's pooling area and year: the highest of
     * the figures at the nearest level that has any, provided that level is the pooling area or a place inside it and
     * every figure there is fixed (EXACT) or a ceiling (MAXIMUM). A national or provincial figure, a floor (不低于), an
     * average (人均) or a choice left to the pooling area publishes no ceiling for it: empty then, and nothing is
     * checked. There is no lower bound: assisted people pay less, some nothing.
     */
    Optional<PolicyFigure> personalContributionCeiling(int benefitYear, List<String> insuredPath) {
        List<PolicyFigure> figures = catalog.all(Parameter.PERSONAL_CONTRIBUTION, benefitYear, insuredPath);
        String area = poolingArea(insuredPath);
        if (figures.isEmpty() || area == null) {
            return Optional.empty();
        }
        String nearest = figures.get(0).regionCode();
        if (insuredPath.indexOf(nearest) > insuredPath.indexOf(area)
                || catalog.localChoices(Parameter.PERSONAL_CONTRIBUTION, benefitYear, insuredPath).stream()
                .anyMatch(choice -> insuredPath.indexOf(choice.regionCode()) <= insuredPath.indexOf(nearest))) {
            return Optional.empty();
        }
        List<PolicyFigure> here = figures.stream().filter(f -> f.regionCode().equals(nearest)).toList();
        if (here.stream().anyMatch(f -> !f.hasAmount()
                || (f.kind() != FigureKind.EXACT && f.kind() != FigureKind.MAXIMUM))) {
            return Optional.empty();
        }
        return here.stream().max(Comparator.comparingLong(PolicyFigure::amountFen));
    }
}
