package cn.yibao.portal.policy.api;

import cn.yibao.portal.policy.domain.PolicyDocument;
import cn.yibao.portal.shared.Region;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All figures of all documents. A lookup walks the region path (county → city → province → national) and returns
 * the first level that has the parameter for that benefit year and for the first matching "applies to".
 */
public final class PolicyCatalog {

    private final List<PolicyDocument> documents;
    private final List<PolicyFigure> figures;
    private final Map<String, Region> regions;

    private PolicyCatalog(List<PolicyDocument> documents, List<PolicyFigure> figures, Map<String, Region> regions) {
        this.documents = List.copyOf(documents);
        this.figures = List.copyOf(figures);
        this.regions = Map.copyOf(regions);
    }

    /** A catalog that names regions by their code (tests that need no names). */
    public static PolicyCatalog of(List<PolicyDocument> documents, List<PolicyFigure> figures) {
        return of(documents, figures, List.of());
    }

    /**
     * Checks what spans files: one figure per key (a LOCAL_CHOICE may stand beside a figure), no overlapping windows.
     * The regions give the names answers use to say which level a figure came from, or which levels were searched.
     */
    public static PolicyCatalog of(List<PolicyDocument> documents, List<PolicyFigure> figures, List<Region> regions) {
        List<String> problems = new ArrayList<>();
        Map<String, PolicyFigure> byKey = new HashMap<>();
        for (PolicyFigure figure : figures) {
            String key = figure.parameter() + "/" + figure.benefitYear() + "/" + figure.regionCode() + "/"
                    + figure.appliesTo() + "/" + (figure.kind() == FigureKind.LOCAL_CHOICE);
            PolicyFigure earlier = byKey.putIfAbsent(key, figure);
            if (earlier != null) {
                problems.add(figure.parameter() + " for " + figure.appliesTo() + " in " + figure.regionCode() + ", "
                        + figure.benefitYear() + " is given twice (" + earlier.citation().document() + " and "
                        + figure.citation().document() + ")");
            }
            if (figure.parameter() == Parameter.COLLECTION_WINDOW && figure.kind() != FigureKind.LOCAL_CHOICE) {
                figures.stream()
                        .filter(other -> other != figure && other.parameter() == Parameter.COLLECTION_WINDOW
                                && other.kind() != FigureKind.LOCAL_CHOICE
                                && other.regionCode().equals(figure.regionCode())
                                && other.appliesTo().equals(figure.appliesTo())
                                && other.dateRange().overlaps(figure.dateRange()))
                        .findFirst()
                        .ifPresent(other -> problems.add("collection windows overlap in " + figure.regionCode() + ": "
                                + figure.value() + " (" + figure.citation().document() + ") and " + other.value()
                                + " (" + other.citation().document() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems.stream().distinct().toList()));
        }
        Map<String, Region> byCode = new HashMap<>();
        regions.forEach(region -> byCode.put(region.code(), region));
        return new PolicyCatalog(documents, figures, byCode);
    }

    /** The figure with an amount or rule (not a bare LOCAL_CHOICE) nearest to the region. */
    public Optional<PolicyFigure> find(Parameter parameter, int benefitYear, List<String> regionPath,
                                       List<String> appliesToInOrder) {
        for (String region : regionPath) {
            for (String appliesTo : appliesToInOrder) {
                Optional<PolicyFigure> found = figures.stream()
                        .filter(f -> f.parameter() == parameter && f.benefitYear() == benefitYear
                                && f.regionCode().equals(region) && f.appliesTo().equals(appliesTo)
                                && f.kind() != FigureKind.LOCAL_CHOICE)
                        .findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    public Optional<PolicyFigure> find(Parameter parameter, int benefitYear, List<String> regionPath, String appliesTo) {
        return find(parameter, benefitYear, regionPath, List.of(appliesTo));
    }

    /**
     * Every figure of a parameter on the path for one "applies to", in this benefit year or earlier, nearest level
     * first and latest year first: where a document refers back to what an earlier one published ("等5种").
     */
    public List<PolicyFigure> upTo(Parameter parameter, int benefitYear, List<String> regionPath, String appliesTo) {
        return regionPath.stream()
                .flatMap(region -> figures.stream().filter(f -> f.parameter() == parameter
                                && f.benefitYear() <= benefitYear && f.regionCode().equals(region)
                                && f.appliesTo().equals(appliesTo) && f.kind() != FigureKind.LOCAL_CHOICE)
                        .sorted(Comparator.comparingInt(PolicyFigure::benefitYear).reversed()))
                .toList();
    }

    /** LOCAL_CHOICE lines on the path: the documents that leave this parameter to a lower level. */
    public List<PolicyFigure> localChoices(Parameter parameter, int benefitYear, List<String> regionPath) {
        return figures.stream()
                .filter(f -> f.parameter() == parameter && f.benefitYear() == benefitYear
                        && regionPath.contains(f.regionCode()) && f.kind() == FigureKind.LOCAL_CHOICE)
                .toList();
    }

    /** Every figure of a parameter for the year on the path, nearest level first (e.g. all add-ons). */
    public List<PolicyFigure> all(Parameter parameter, int benefitYear, List<String> regionPath) {
        return regionPath.stream()
                .flatMap(region -> figures.stream().filter(f -> f.parameter() == parameter
                        && f.benefitYear() == benefitYear && f.regionCode().equals(region)
                        && f.kind() != FigureKind.LOCAL_CHOICE))
                .toList();
    }

    private static final String GRADE_PREFIX = "ADULT/GRADE_";

    /** The "applies to" key of an adult contribution grade, e.g. ADULT/GRADE_2. */
    public static String gradeKey(int grade) {
        return GRADE_PREFIX + grade;
    }

    /** The contribution grades adults choose from in the region and year (empty where there are none). */
    public List<Integer> adultGrades(int benefitYear, List<String> regionPath) {
        return appliesToAtNearestLevel(Parameter.PERSONAL_CONTRIBUTION, benefitYear, regionPath).stream()
                .filter(key -> key.startsWith(GRADE_PREFIX))
                .map(key -> Integer.parseInt(key.substring(GRADE_PREFIX.length())))
                .sorted()
                .toList();
    }

    /** The "applies to" values of a parameter at the level that answers it first, e.g. ADULT/GRADE_1 and _2. */
    public List<String> appliesToAtNearestLevel(Parameter parameter, int benefitYear, List<String> regionPath) {
        for (String region : regionPath) {
            List<String> here = figures.stream()
                    .filter(f -> f.parameter() == parameter && f.benefitYear() == benefitYear
                            && f.regionCode().equals(region) && f.kind() != FigureKind.LOCAL_CHOICE)
                    .map(PolicyFigure::appliesTo)
                    .toList();
            if (!here.isEmpty()) {
                return here;
            }
        }
        return List.of();
    }

    /**
     * The benefit years that can be quoted and paid: those with contribution figures. Benefit figures never add a
     * year (a goal such as "到2025年…" must not make 2025 payable).
     */
    public List<Integer> benefitYears() {
        return figures.stream().filter(f -> f.parameter().topic() == Parameter.Topic.CONTRIBUTION)
                .map(PolicyFigure::benefitYear).distinct().sorted().toList();
    }

    /**
     * Goal years after this one that have the parameter on the path ("确保到2025年…"): years with benefit figures but no
     * contribution figures, i.e. targets set before the year's funding. A later year that has its own contributions
     * is an ordinary benefit year, not a goal, and is not looked at.
     */
    public List<Integer> goalYearsAfter(Parameter parameter, int benefitYear, List<String> regionPath) {
        List<Integer> fundedYears = benefitYears();
        return figures.stream().filter(f -> f.parameter() == parameter && f.benefitYear() > benefitYear
                        && !fundedYears.contains(f.benefitYear()) && regionPath.contains(f.regionCode()))
                .map(PolicyFigure::benefitYear).distinct().sorted().toList();
    }

    /** The region's Chinese name (its code when the catalog was built without regions). */
    public String regionName(String code) {
        Region region = regions.get(code);
        return region == null ? code : region.name();
    }

    /** Whether a region is only a statistical grouping (市辖区, 县…) that nobody would name. */
    public boolean isGrouping(String code) {
        Region region = regions.get(code);
        return region != null && region.isGrouping();
    }

    /**
     * Whether a document of the region or of a level above it (below national) is in the catalog: the regions the
     * portal serves. Elsewhere only national figures are known.
     */
    public boolean hasLocalDocument(List<String> regionPath) {
        List<String> local = regionsWithLocalDocuments();
        return regionPath.stream().anyMatch(local::contains);
    }

    /** Regions that have a document of their own (not the national level). */
    public List<String> regionsWithLocalDocuments() {
        return documents.stream().map(PolicyDocument::regionCode).filter(code -> !Region.NATIONAL.equals(code))
                .distinct().sorted().toList();
    }

    public List<PolicyFigure> figuresOf(String documentNumber) {
        return figures.stream().filter(f -> f.citation().document().equals(documentNumber)).toList();
    }

    public List<PolicyDocument> documents() {
        return documents;
    }
}
