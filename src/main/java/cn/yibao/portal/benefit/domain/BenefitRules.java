package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.policy.domain.FigureKind;
import cn.yibao.portal.policy.domain.Parameter;
import cn.yibao.portal.policy.domain.PolicyCatalog;
import cn.yibao.portal.policy.domain.PolicyFigure;
import cn.yibao.portal.policy.domain.Region;
import java.time.LocalDate;
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
    private final String searched;

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
            addByLevel(rules, setting, "DEDUCTIBLE", BenefitLabels.of(setting) + "起付标准", deductibles.get(setting));
            rules.add(rule(setting + "_ANNUAL_CAP", setting, BenefitLabels.of(setting) + "年度最高支付限额",
                    caps.get(setting)));
            switch (setting) {
                case INPATIENT -> extra(rules, Parameter.THREE_TIER_INPATIENT_RATIO, "LOW_INCOME_RURAL", setting,
                        "农村低收入人口省内住院合规综合报销比例（三重制度保障后）");
                case OUTPATIENT -> { }
                case TWO_DISEASE -> {
                    if (coverage != null) {
                        rules.add(new BenefitRule("TWO_DISEASE_COVERAGE_FROM", setting, "两病用药纳入基金支付",
                                Standing.EXACT, dateText(coverage.from()) + "起", coverage.citation(),
                                coverage.regionName(), coverage.note()));
                    }
                    extra(rules, Parameter.LONG_PRESCRIPTION, ALL, setting, "两病长处方");
                    extra(rules, Parameter.CHRONIC_MEDICATION_EXTENSION, ALL, setting, "门诊用药保障扩展到心脑血管疾病");
                }
            }
        }
        extra(rules, Parameter.OUTPATIENT_CHRONIC_DISEASES, ALL, null, "门诊慢特病保障（文件点名的病种）");
        extra(rules, Parameter.OUTPATIENT_CHRONIC_RATIO, ALL, null, "门诊慢特病政策范围内基金支付比例");
        extra(rules, Parameter.CHRONIC_COSTS_COUNT_FOR_CRITICAL_ILLNESS, ALL, null, "门诊慢特病个人自付费用计入大病保险");
        extra(rules, Parameter.REMOTE_DIRECT_SETTLEMENT_DISEASES, "CROSS_PROVINCE", null, "可跨省直接结算的门诊慢特病");
        extra(rules, Parameter.REMOTE_DIRECT_SETTLEMENT_DISEASES, "IN_PROVINCE", null, "可省内异地直接结算的病种");
        for (RemoteReduction reduction : reductions) {
            rules.add(new BenefitRule("REMOTE_REDUCTION_" + reduction.filingType(), null,
                    "异地就医（" + reduction.name() + "）", Standing.MAXIMUM,
                    "报销比例最多降低" + reduction.maxPoints() + "个百分点", reduction.citation(),
                    catalog.regionName(reduction.citation().region()),
                    "降低幅度是上限，以参保地经办机构的结算为准。"));
        }
        return new BenefitSchedule(year, path, regionName, searched, ratios, deductibles, caps, reductions, coverage,
                rules);
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
            return Figure.unpublished(unit, searched + goal(parameter, appliesTo));
        }
        PolicyFigure line = nearest.get();
        String from = catalog.regionName(line.regionCode());
        if (line.kind() == FigureKind.LOCAL_CHOICE) {
            return new Figure(Standing.LOCAL_CHOICE, unit, null, line.citation(), from,
                    line.note() + regionName + "的具体标准未在已收录的文件中公布。" + goal(parameter, appliesTo));
        }
        Figure figure = new Figure(Standing.of(line.kind()), unit, value(line, unit), line.citation(), from, line.note());
        // The same document may both set a floor and leave the details to each city (Liaoning's outpatient ratio).
        Optional<PolicyFigure> alongside = localChoice(parameter, year, appliesTo)
                .filter(choice -> level(choice) == level(line));
        return alongside.map(choice -> figure.withNote(choice.note())).orElse(figure);
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
                figures.put(level, figures.get(level).withNote("文件未单列" + BenefitLabels.levels(general)
                        + "的标准，这里是" + BenefitLabels.of(setting) + "的总体水平。"));
            }
        }
        return figures;
    }

    /** "另：山东省要求到2025年不低于300元（鲁医保发〔2023〕36号 二）。" for a figure a document sets for a later year. */
    private String goal(Parameter parameter, List<String> appliesTo) {
        for (int later : catalog.goalYearsAfter(parameter, year, path)) {
            Optional<PolicyFigure> found = catalog.find(parameter, later, path, appliesTo);
            if (found.isPresent()) {
                PolicyFigure line = found.get();
                return "另：" + catalog.regionName(line.regionCode()) + "要求到" + later + "年"
                        + display(line) + BenefitLabels.source(null, line.citation()) + "。";
            }
        }
        return "";
    }

    // --- rules for display -----------------------------------------------------------------------------------

    /** One rule when every facility level has the same figure, else one per group of levels that share one. */
    private void addByLevel(List<BenefitRule> rules, CareSetting setting, String what, String name,
                            Map<FacilityLevel, Figure> figures) {
        Map<Figure, List<FacilityLevel>> groups = new LinkedHashMap<>();
        figures.forEach((level, figure) -> groups.computeIfAbsent(figure, key -> new ArrayList<>()).add(level));
        groups.forEach((figure, levels) -> {
            boolean all = groups.size() == 1;
            String key = setting + "_" + what + (all ? "" : "_" + String.join("_", levels.stream().map(Enum::name).toList()));
            rules.add(rule(key, setting, all ? name : name + "（" + BenefitLabels.levels(levels) + "）", figure));
        });
    }

    private static BenefitRule rule(String key, CareSetting setting, String name, Figure figure) {
        String value = figure.unit() == Figure.Unit.FEN && figure.standing() == Standing.EXACT && figure.value() == 0
                ? "不设起付标准" : figure.display();
        return new BenefitRule(key, setting, name, figure.standing(), value, figure.citation(), figure.regionName(),
                figure.note());
    }

    /** A rule that is shown only where a document says something about it (this year, or as a goal for later). */
    private void extra(List<BenefitRule> rules, Parameter parameter, String appliesTo, CareSetting setting,
                       String name) {
        String key = parameter == Parameter.REMOTE_DIRECT_SETTLEMENT_DISEASES ? "REMOTE_DISEASES_" + appliesTo
                : parameter == Parameter.CHRONIC_COSTS_COUNT_FOR_CRITICAL_ILLNESS ? "CRITICAL_ILLNESS"
                : parameter.name();
        Optional<PolicyFigure> found = nearest(parameter, year, List.of(appliesTo));
        if (found.isPresent()) {
            rules.add(extraRule(key, setting, name, found.get(), ""));
            return;
        }
        for (int later : catalog.goalYearsAfter(parameter, year, path)) {
            Optional<PolicyFigure> goal = nearest(parameter, later, List.of(appliesTo));
            if (goal.isPresent()) {
                rules.add(extraRule(key, setting, name + "（" + later + "年目标）", goal.get(),
                        "这是到" + later + "年须达到的目标，不是" + year + "年度的标准。"));
                return;
            }
        }
    }

    private BenefitRule extraRule(String key, CareSetting setting, String name, PolicyFigure line, String before) {
        Standing standing = Standing.of(line.kind());
        String prefix = before.isEmpty() ? "" : "到" + line.benefitYear() + "年";
        String note = before + line.note() + (standing == Standing.LOCAL_CHOICE
                ? regionName + "是否采用未在已收录的文件中公布。" : "");
        Optional<PolicyFigure> named = namedEarlier(line);
        if (named.isPresent()) {
            PolicyFigure list = named.get();
            return new BenefitRule(key, setting, name, standing, prefix + diseases(list.diseases()), line.citation(),
                    catalog.regionName(line.regionCode()), note + "“等" + list.diseases().count() + "种”即"
                            + list.citation().document() + " " + list.citation().clause() + "列明的"
                            + list.diseases().count() + "种：" + String.join("、", list.diseases().names()) + "。");
        }
        return new BenefitRule(key, setting, name, standing, prefix + display(line), line.citation(),
                catalog.regionName(line.regionCode()), note);
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
    private static String display(PolicyFigure line) {
        if (line.kind() == FigureKind.LOCAL_CHOICE) {
            return "由当地确定";
        }
        return switch (line.parameter().valueType()) {
            case PERCENT -> new Figure(Standing.of(line.kind()), Figure.Unit.PERCENT, (long) line.percent(),
                    line.citation(), null, null).display();
            case AMOUNT -> new Figure(Standing.of(line.kind()), Figure.Unit.FEN, line.amountFen(), line.citation(),
                    null, null).display();
            case DATE -> dateText(line.date()) + "起";
            case TEXT_LIST -> line.parameter() == Parameter.OUTPATIENT_CHRONIC_DISEASES
                    ? String.join("、", line.items()) + "等"
                    : "扩大到" + String.join("、", line.items());
            case DISEASES -> diseases(line.diseases());
            case KEYWORD -> switch (line.parameter()) {
                case LONG_PRESCRIPTION -> "实行长处方制度（文件未规定处方用量）";
                case CHRONIC_COSTS_COUNT_FOR_CRITICAL_ILLNESS -> "计入大病保险合规医疗费用";
                default -> line.value();
            };
            default -> line.value();
        };
    }

    private static String diseases(PolicyFigure.Diseases diseases) {
        if (diseases.names().isEmpty()) {
            return diseases.count() + "个病种";
        }
        String names = String.join("、", diseases.names());
        return diseases.complete() ? diseases.count() + "种：" + names : names + "等" + diseases.count() + "种";
    }

    private static String dateText(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** "文水县、吕梁市、山西省及国家文件均未规定。" */
    private static String searchedLevels(PolicyCatalog catalog, List<String> named) {
        List<String> local = named.stream().filter(code -> !Region.NATIONAL.equals(code)).map(catalog::regionName).toList();
        boolean national = named.contains(Region.NATIONAL);
        if (local.isEmpty()) {
            return national ? "国家文件未规定。" : "已收录的文件均未规定。";
        }
        return String.join("、", local) + (national ? "及国家" : "") + "文件均未规定。";
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

    private static String ratioName(CareSetting setting) {
        return switch (setting) {
            case INPATIENT -> "住院政策范围内基金支付比例";
            case OUTPATIENT -> "普通门诊统筹政策范围内支付比例";
            case TWO_DISEASE -> "两病门诊用药政策范围内报销比例";
        };
    }
}
