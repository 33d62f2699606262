package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.policy.api.FigureKind;
import cn.yibao.portal.policy.api.Parameter;
import cn.yibao.portal.policy.api.PolicyCatalog;
import cn.yibao.portal.policy.api.PolicyFigure;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.PhraseLists;
import cn.yibao.portal.shared.Region;
import cn.yibao.portal.shared.Verbatim;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benefit rules of a region and benefit year, read from the policy catalog. Each figure is looked up county →
 * city → province → national; the nearest level wins, and a level that leaves the figure to a lower level
 * (LOCAL_CHOICE) wins over a farther figure. Where no level gives a figure the rule says so and names the levels
 * searched; nothing is ever filled in.
 */
public final class BenefitRules {

    private static final String ALL = "ALL";

    private final PolicyCatalog catalog;
    private final List<String> path;
    private final int year;
    private final String regionName;
    private final Phrase searched;

    private BenefitRules(PolicyCatalog catalog, List<String> path, int year) {
        this.catalog = catalog;
        this.path = List.copyOf(path);
        this.year = year;
        List<String> named = path.stream().filter(code -> !catalog.isGrouping(code)).toList();
        this.regionName = catalog.regionName(named.isEmpty() ? path.get(0) : named.get(0));
        this.searched = searchedLevels(catalog, named);
    }

    /**
     * @param regionPath the resident's region and its ancestors, county → … → {@code 000000}
     * @param reductions the remote-care reductions of the region's filing types ({@link RemoteReduction#of})
     */
    public static BenefitSchedule schedule(PolicyCatalog catalog, List<String> regionPath, int benefitYear,
                                           List<RemoteReduction> reductions) {
        if (regionPath == null || regionPath.isEmpty()) {
            throw new IllegalArgumentException("a region path is needed");
        }
        return new BenefitRules(catalog, regionPath, benefitYear).build(List.copyOf(reductions));
    }

    private BenefitSchedule build(List<RemoteReduction> reductions) {
        Map<CareSetting, Map<FacilityLevel, Figure>> ratios = new EnumMap<>(CareSetting.class);
        Map<CareSetting, Map<FacilityLevel, Figure>> deductibles = new EnumMap<>(CareSetting.class);
        Map<CareSetting, Figure> caps = new EnumMap<>(CareSetting.class);
        List<BenefitRule> rules = new ArrayList<>();
        CoverageStart coverage = nearest(Parameter.TWO_DISEASE_COVERAGE_FROM, year, List.of(ALL))
                .filter(PolicyFigure::hasAmount)
                .map(f -> new CoverageStart(f.date(), f.citation(), catalog.regionName(f.regionCode()), f.note()))
                .orElse(null);
        for (CareSetting setting : CareSetting.values()) {
            ratios.put(setting, byLevel(ratioOf(setting), Figure.Unit.PERCENT, setting));
            deductibles.put(setting, byLevel(deductibleOf(setting), Figure.Unit.FEN, setting));
            caps.put(setting, resolve(capOf(setting), Figure.Unit.FEN, List.of(ALL)));

            addByLevel(rules, setting, "RATIO", ratioName(setting), ratios.get(setting));
            addByLevel(rules, setting, "DEDUCTIBLE", Phrase.of("estimator.deductible.name", BenefitLabels.of(setting)),
                    deductibles.get(setting));
            rules.add(rule(setting + "_ANNUAL_CAP", setting, Phrase.of("estimator.cap.name", BenefitLabels.of(setting)),
                    caps.get(setting)));
            settingExtras(rules, setting, coverage);
        }
        generalRules(rules, reductions);
        return new BenefitSchedule(year, path, regionName, searched, ratios, deductibles, caps, reductions, coverage,
                rules);
    }

    /** What only one care setting has: the three-tier inpatient ratio; two-disease cover start and its schemes. */
    private void settingExtras(List<BenefitRule> rules, CareSetting setting, CoverageStart coverage) {
        switch (setting) {
            case INPATIENT -> extra(rules, Parameter.THREE_TIER_INPATIENT_RATIO, "LOW_INCOME_RURAL", setting);
            case OUTPATIENT -> { }
            case TWO_DISEASE -> {
                if (coverage != null) {
                    rules.add(new BenefitRule("TWO_DISEASE_COVERAGE_FROM", setting,
                            Phrase.of("benefit.rule.name.TWO_DISEASE_COVERAGE_FROM"), Standing.EXACT,
                            Phrase.of("benefit.rule.from", BenefitLabels.date(coverage.from())),
                            coverage.citation(), coverage.regionName(), dataNote(coverage.note())));
                }
                extra(rules, Parameter.LONG_PRESCRIPTION, ALL, setting);
                extra(rules, Parameter.CHRONIC_MEDICATION_EXTENSION, ALL, setting);
            }
        }
    }

    /** Rules of no one care setting: chronic-disease cover, direct settlement, and each remote-care reduction. */
    private void generalRules(List<BenefitRule> rules, List<RemoteReduction> reductions) {
        extra(rules, Parameter.OUTPATIENT_CHRONIC_DISEASES, ALL, null);
        extra(rules, Parameter.OUTPATIENT_CHRONIC_RATIO, ALL, null);
        extra(rules, Parameter.CHRONIC_COSTS_COUNT_FOR_CRITICAL_ILLNESS, ALL, null);
        extra(rules, Parameter.REMOTE_DIRECT_SETTLEMENT_DISEASES, "CROSS_PROVINCE", null);
        extra(rules, Parameter.REMOTE_DIRECT_SETTLEMENT_DISEASES, "IN_PROVINCE", null);
        for (RemoteReduction reduction : reductions) {
            rules.add(new BenefitRule("REMOTE_REDUCTION_" + reduction.filingType(), null,
                    Phrase.of("benefit.rule.remote", reduction.label()), Standing.MAXIMUM,
                    Phrase.of("benefit.rule.remote.value", reduction.maxPoints()), reduction.citation(),
                    catalog.regionName(reduction.citation().region()), Phrase.of("benefit.rule.remote.note")));
        }
    }

    // --- lookups ---------------------------------------------------------------------------------------------

    /** The figure or LOCAL_CHOICE line nearest to the region (a figure wins at the same level). */
    private Optional<PolicyFigure> nearest(Parameter parameter, int benefitYear, List<String> appliesTo) {
        Optional<PolicyFigure> found = catalog.find(parameter, benefitYear, path, appliesTo);
        Optional<PolicyFigure> choice = localChoice(parameter, benefitYear, appliesTo);
        if (found.isPresent() && (choice.isEmpty() || level(found.get()) <= level(choice.get()))) {
            return found;
        }
        return choice;
    }

    private Optional<PolicyFigure> localChoice(Parameter parameter, int benefitYear, List<String> appliesTo) {
        return catalog.localChoices(parameter, benefitYear, path).stream()
                .filter(choice -> appliesTo.contains(choice.appliesTo()))
                .min(Comparator.comparingInt(this::level));
    }

    private int level(PolicyFigure figure) {
        return path.indexOf(figure.regionCode());
    }

    private Figure resolve(Parameter parameter, Figure.Unit unit, List<String> appliesTo) {
        Optional<PolicyFigure> nearest = nearest(parameter, year, appliesTo);
        if (nearest.isEmpty()) {
            return Figure.unpublished(unit, Phrase.of("text.concat", searched, goal(parameter, appliesTo)));
        }
        PolicyFigure line = nearest.get();
        String from = catalog.regionName(line.regionCode());
        if (line.kind() == FigureKind.LOCAL_CHOICE) {
            return new Figure(Standing.LOCAL_CHOICE, unit, null, line.citation(), from, Phrase.of(
                    "benefit.rule.localChoice", new Verbatim(line.note()), new Verbatim(regionName),
                    goal(parameter, appliesTo)));
        }
        Figure figure = new Figure(Standing.of(line.kind()), unit, value(line, unit), line.citation(), from,
                dataNote(line.note()));
        // The same document may both set a floor and leave the details to each city (Liaoning's outpatient ratio).
        Optional<PolicyFigure> alongside = localChoice(parameter, year, appliesTo)
                .filter(choice -> level(choice) == level(line));
        return alongside.filter(choice -> !choice.note().isBlank())
                .map(choice -> figure.withNote(dataNote(choice.note()))).orElse(figure);
    }

    /** Per facility level; a level without its own figure falls back to the document's figure for all levels. */
    private Map<FacilityLevel, Figure> byLevel(Parameter parameter, Figure.Unit unit, CareSetting setting) {
        Map<FacilityLevel, Figure> figures = new EnumMap<>(FacilityLevel.class);
        List<FacilityLevel> ownFigure = new ArrayList<>();
        for (FacilityLevel level : FacilityLevel.values()) {
            List<String> keys = List.of(level.name(), ALL);
            figures.put(level, resolve(parameter, unit, keys));
            if (catalog.find(parameter, year, path, keys).filter(f -> !ALL.equals(f.appliesTo())).isPresent()) {
                ownFigure.add(level);
            }
        }
        if (!ownFigure.isEmpty()) {
            List<FacilityLevel> general = figures.keySet().stream()
                    .filter(level -> !ownFigure.contains(level) && figures.get(level).known()).toList();
            for (FacilityLevel level : general) {
                figures.put(level, figures.get(level).withNote(Phrase.of("benefit.rule.general",
                        BenefitLabels.levels(general), BenefitLabels.of(setting))));
            }
        }
        return figures;
    }

    /** "另：山东省要求到2025年不低于300元（鲁医保发〔2023〕36号 二）。" for a figure a document sets for a later year. */
    private Object goal(Parameter parameter, List<String> appliesTo) {
        for (int later : catalog.goalYearsAfter(parameter, year, path)) {
            Optional<PolicyFigure> found = catalog.find(parameter, later, path, appliesTo);
            if (found.isPresent()) {
                PolicyFigure line = found.get();
                return Phrase.of("benefit.rule.goal", new Verbatim(catalog.regionName(line.regionCode())), later,
                        display(line), BenefitLabels.source(null, line.citation()));
            }
        }
        return "";
    }

    /** A note of a document or data file, said as written; none where it is blank. */
    private static Phrase dataNote(String note) {
        return note == null || note.isBlank() ? null : BenefitLabels.verbatim(note);
    }

    // --- rules for display -----------------------------------------------------------------------------------

    /** One rule when every facility level has the same figure, else one per group of levels that share one. */
    private void addByLevel(List<BenefitRule> rules, CareSetting setting, String what, Phrase name,
                            Map<FacilityLevel, Figure> figures) {
        Map<Figure, List<FacilityLevel>> groups = new LinkedHashMap<>();
        figures.forEach((level, figure) -> groups.computeIfAbsent(figure, key -> new ArrayList<>()).add(level));
        groups.forEach((figure, levels) -> {
            boolean all = groups.size() == 1;
            String key = setting + "_" + what + (all ? "" : "_" + String.join("_", levels.stream().map(Enum::name).toList()));
            rules.add(rule(key, setting, all ? name : Phrase.of("benefit.rule.forLevels", name,
                    BenefitLabels.levels(levels)), figure));
        });
    }

    private static BenefitRule rule(String key, CareSetting setting, Phrase name, Figure figure) {
        Phrase value = figure.unit() == Figure.Unit.FEN && figure.standing() == Standing.EXACT && figure.value() == 0
                ? Phrase.of("benefit.rule.noDeductible") : figure.display();
        return new BenefitRule(key, setting, name, figure.standing(), value, figure.citation(), figure.regionName(),
                figure.note());
    }

    /** A rule that is shown only where a document says something about it (this year, or as a goal for later). */
    private void extra(List<BenefitRule> rules, Parameter parameter, String appliesTo, CareSetting setting) {
        String key = parameter == Parameter.REMOTE_DIRECT_SETTLEMENT_DISEASES ? "REMOTE_DISEASES_" + appliesTo
                : parameter == Parameter.CHRONIC_COSTS_COUNT_FOR_CRITICAL_ILLNESS ? "CRITICAL_ILLNESS"
                : parameter.name();
        Phrase name = Phrase.of("benefit.rule.name." + key);
        Optional<PolicyFigure> found = nearest(parameter, year, List.of(appliesTo));
        if (found.isPresent()) {
            rules.add(extraRule(key, setting, name, found.get(), null));
            return;
        }
        for (int later : catalog.goalYearsAfter(parameter, year, path)) {
            Optional<PolicyFigure> goal = nearest(parameter, later, List.of(appliesTo));
            if (goal.isPresent()) {
                rules.add(extraRule(key, setting, Phrase.of("benefit.rule.goalName", name, later), goal.get(),
                        Phrase.of("benefit.rule.goalNote", later, year)));
                return;
            }
        }
    }

    /** {@code goal}: the note that the figure is a later year's goal ({@code null}: this year's figure). */
    private BenefitRule extraRule(String key, CareSetting setting, Phrase name, PolicyFigure line, Phrase goal) {
        Standing standing = Standing.of(line.kind());
        Phrase note = extraNote(goal, line, standing);
        Optional<PolicyFigure> named = namedEarlier(line);
        if (named.isPresent()) {
            PolicyFigure list = named.get();
            Phrase listed = Phrase.of("benefit.rule.diseasesNamed", list.diseases().count(),
                    new Verbatim(list.citation().document() + " " + list.citation().clause()),
                    PhraseLists.series(list.diseases().names().stream().map(Verbatim::new).toList()));
            return new BenefitRule(key, setting, name, standing, byYear(goal, line, diseases(list.diseases())),
                    line.citation(), catalog.regionName(line.regionCode()),
                    note == null ? listed : Phrase.of("text.concat", note, listed));
        }
        return new BenefitRule(key, setting, name, standing, byYear(goal, line, display(line)), line.citation(),
                catalog.regionName(line.regionCode()), note);
    }

    private static Phrase byYear(Phrase goal, PolicyFigure line, Phrase value) {
        return goal == null ? value : Phrase.of("benefit.rule.byYear", line.benefitYear(), value);
    }

    /** The goal note, the document's note, and for a local choice that the region's choice is not published. */
    private Phrase extraNote(Phrase goal, PolicyFigure line, Standing standing) {
        boolean local = standing == Standing.LOCAL_CHOICE;
        if (goal == null && line.note().isBlank() && !local) {
            return null;
        }
        return Phrase.of("benefit.rule.extraNote", goal == null ? "" : goal, new Verbatim(line.note()),
                local ? Phrase.of("benefit.rule.adoptionUnknown", new Verbatim(regionName)) : "");
    }

    /**
     * A disease list the document cuts short ("高血压、糖尿病等5种") that an earlier document on the path names in full
     * with the same count and the same diseases first: 医保发〔2023〕24号 八 and 闽医保〔2023〕78号 八 refer to the five of
     * 医保发〔2022〕20号 八.
     */
    private Optional<PolicyFigure> namedEarlier(PolicyFigure line) {
        if (line.parameter().valueType() != Parameter.ValueType.DISEASES || line.kind() == FigureKind.LOCAL_CHOICE) {
            return Optional.empty();
        }
        PolicyFigure.Diseases shown = line.diseases();
        if (shown.complete() || shown.names().isEmpty()) {
            return Optional.empty();
        }
        return catalog.upTo(line.parameter(), line.benefitYear(), path, line.appliesTo()).stream()
                .filter(earlier -> earlier.diseases().complete() && earlier.diseases().count() == shown.count()
                        && earlier.diseases().names().subList(0, shown.names().size()).equals(shown.names()))
                .findFirst();
    }

    // --- values ----------------------------------------------------------------------------------------------

    private static Long value(PolicyFigure line, Figure.Unit unit) {
        return unit == Figure.Unit.PERCENT ? (long) line.percent() : line.amountFen();
    }

    /** A catalog line as a resident reads it. */
    private static Phrase display(PolicyFigure line) {
        if (line.kind() == FigureKind.LOCAL_CHOICE) {
            return Phrase.of("benefit.figure.LOCAL_CHOICE");
        }
        return switch (line.parameter().valueType()) {
            case PERCENT -> new Figure(Standing.of(line.kind()), Figure.Unit.PERCENT, (long) line.percent(),
                    line.citation(), null, null).display();
            case AMOUNT -> new Figure(Standing.of(line.kind()), Figure.Unit.FEN, line.amountFen(), line.citation(),
                    null, null).display();
            case DATE -> Phrase.of("benefit.rule.from", BenefitLabels.date(line.date()));
            case TEXT_LIST -> Phrase.of(line.parameter() == Parameter.OUTPATIENT_CHRONIC_DISEASES
                    ? "benefit.rule.itemsEtc" : "benefit.rule.extendedTo", items(line.items()));
            case DISEASES -> diseases(line.diseases());
            case KEYWORD -> switch (line.parameter()) {
                case LONG_PRESCRIPTION -> Phrase.of("benefit.rule.longPrescription");
                case CHRONIC_COSTS_COUNT_FOR_CRITICAL_ILLNESS -> Phrase.of("benefit.rule.criticalIllness");
                default -> BenefitLabels.verbatim(line.value());
            };
            default -> BenefitLabels.verbatim(line.value());
        };
    }

    private static Object items(List<String> items) {
        return PhraseLists.series(items.stream().map(Verbatim::new).toList());
    }

    private static Phrase diseases(PolicyFigure.Diseases diseases) {
        if (diseases.names().isEmpty()) {
            return Phrase.of("benefit.rule.diseaseCount", diseases.count());
        }
        return Phrase.of(diseases.complete() ? "benefit.rule.diseasesAll" : "benefit.rule.diseasesSome",
                diseases.count(), items(diseases.names()));
    }

    /** "文水县、吕梁市、山西省及国家文件均未规定。" */
    private static Phrase searchedLevels(PolicyCatalog catalog, List<String> named) {
        List<Verbatim> local = named.stream().filter(code -> !Region.NATIONAL.equals(code))
                .map(code -> new Verbatim(catalog.regionName(code))).toList();
        boolean national = named.contains(Region.NATIONAL);
        if (local.isEmpty()) {
            return Phrase.of(national ? "benefit.rule.searched.national" : "benefit.rule.searched.none");
        }
        return Phrase.of("benefit.rule.searched", PhraseLists.series(local),
                national ? Phrase.of("benefit.rule.searched.andNational") : "");
    }

    private static Parameter ratioOf(CareSetting setting) {
        return switch (setting) {
            case INPATIENT -> Parameter.INPATIENT_FUND_RATIO;
            case OUTPATIENT -> Parameter.OUTPATIENT_POOLING_RATIO;
            case TWO_DISEASE -> Parameter.TWO_DISEASE_RATIO;
        };
    }

    private static Parameter deductibleOf(CareSetting setting) {
        return switch (setting) {
            case INPATIENT -> Parameter.INPATIENT_DEDUCTIBLE;
            case OUTPATIENT -> Parameter.OUTPATIENT_POOLING_DEDUCTIBLE;
            case TWO_DISEASE -> Parameter.TWO_DISEASE_DEDUCTIBLE;
        };
    }

    private static Parameter capOf(CareSetting setting) {
        return switch (setting) {
            case INPATIENT -> Parameter.INPATIENT_ANNUAL_CAP;
            case OUTPATIENT -> Parameter.OUTPATIENT_POOLING_CAP;
            case TWO_DISEASE -> Parameter.TWO_DISEASE_CAP;
        };
    }

    private static Phrase ratioName(CareSetting setting) {
        return Phrase.of("benefit.rule.ratio." + setting.name());
    }
}
