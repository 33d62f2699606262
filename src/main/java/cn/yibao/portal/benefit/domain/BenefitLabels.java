package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.policy.domain.Citation;
import java.util.List;

/** The Chinese names the documents use, for rule names, steps and notes. */
final class BenefitLabels {

    private BenefitLabels() {
    }

    static String of(CareSetting setting) {
        return switch (setting) {
            case INPATIENT -> "住院";
            case OUTPATIENT -> "普通门诊统筹";
            case TWO_DISEASE -> "两病门诊用药";
        };
    }

    static String of(FacilityLevel level) {
        return switch (level) {
            case PRIMARY -> "基层医疗机构";
            case SECONDARY -> "二级医疗机构";
            case TERTIARY -> "三级医疗机构";
        };
    }

    /** "基层医疗机构", "二级、三级医疗机构". */
    static String levels(List<FacilityLevel> levels) {
        if (levels.size() == 1) {
            return of(levels.get(0));
        }
        return String.join("、", levels.stream().map(level -> switch (level) {
            case PRIMARY -> "基层";
            case SECONDARY -> "二级";
            case TERTIARY -> "三级";
        }).toList()) + "医疗机构";
    }

    /** "（辽宁省，辽医保发〔2023〕11号 二）"; the clause is left out where the source gives none ("-"). */
    static String source(String regionName, Citation citation) {
        if (citation == null) {
            return "";
        }
        String clause = "-".equals(citation.clause()) ? "" : " " + citation.clause();
        return "（" + (regionName == null ? "" : regionName + "，") + citation.document() + clause + "）";
    }
}
