package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.shared.Phrase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benefit rules of one region and benefit year: the figures the estimator uses (ratio and deductible per care
 * setting and facility level, annual cap per setting), the remote-care reductions, and the list of rules to show.
 * Built by {@link BenefitRules#schedule}; every figure says how binding it is and where it comes from.
 */
public final class BenefitSchedule {

    private final int benefitYear;
    private final List<String> regionPath;
    private final String regionName;
    private final Phrase searched;
    private final Map<CareSetting, Map<FacilityLevel, Figure>> ratios;
    private final Map<CareSetting, Map<FacilityLevel, Figure>> deductibles;
    private final Map<CareSetting, Figure> caps;
    private final List<RemoteReduction> reductions;
    private final CoverageStart twoDiseaseCoverage;
    private final List<BenefitRule> rules;

    BenefitSchedule(int benefitYear, List<String> regionPath, String regionName, Phrase searched,
                    Map<CareSetting, Map<FacilityLevel, Figure>> ratios,
                    Map<CareSetting, Map<FacilityLevel, Figure>> deductibles, Map<CareSetting, Figure> caps,
                    List<RemoteReduction> reductions, CoverageStart twoDiseaseCoverage, List<BenefitRule> rules) {
        this.benefitYear = benefitYear;
        this.regionPath = List.copyOf(regionPath);
        this.regionName = regionName;
        this.searched = searched;
        this.ratios = copy(ratios);
        this.deductibles = copy(deductibles);
        this.caps = new EnumMap<>(caps);
        this.reductions = List.copyOf(reductions);
        this.twoDiseaseCoverage = twoDiseaseCoverage;
        this.rules = List.copyOf(rules);
    }

    public int benefitYear() {
        return benefitYear;
    }

    /** The region asked about (first on the path). */
    public String regionCode() {
        return regionPath.get(0);
    }

    public List<String> regionPath() {
        return regionPath;
    }

    /** The nearest region on the path a person would name (文水县, 沈阳市…). */
    public String regionName() {
        return regionName;
    }

    /** The levels searched, for "not published" texts: "文水县、吕梁市、山西省及国家文件均未规定". */
    public Phrase searchedLevels() {
        return searched;
    }

    /** Every rule to show, in display order. */
    public List<BenefitRule> rules() {
        return rules;
    }

    public Optional<BenefitRule> rule(String key) {
        return rules.stream().filter(rule -> rule.key().equals(key)).findFirst();
    }

    /** The fund's share of in-scope costs above the deductible, as a percent figure. */
    public Figure ratio(CareSetting setting, FacilityLevel level) {
        return ratios.get(setting).get(level);
    }

    /** The deductible (起付标准) in fen. */
    public Figure deductible(CareSetting setting, FacilityLevel level) {
        return deductibles.get(setting).get(level);
    }

    /** The annual cap on what the fund pays (年度最高支付限额) in fen. */
    public Figure annualCap(CareSetting setting) {
        return caps.get(setting);
    }

    public List<RemoteReduction> remoteReductions() {
        return reductions;
    }

    public Optional<CoverageStart> twoDiseaseCoverage() {
        return Optional.ofNullable(twoDiseaseCoverage);
    }

    private static Map<CareSetting, Map<FacilityLevel, Figure>> copy(Map<CareSetting, Map<FacilityLevel, Figure>> in) {
        Map<CareSetting, Map<FacilityLevel, Figure>> out = new EnumMap<>(CareSetting.class);
        in.forEach((setting, byLevel) -> out.put(setting, new EnumMap<>(byLevel)));
        for (CareSetting setting : CareSetting.values()) {
            if (!out.containsKey(setting) || out.get(setting).size() != FacilityLevel.values().length) {
                throw new IllegalArgumentException("a figure for every facility level of " + setting + " is needed");
            }
        }
        return out;
    }
}
