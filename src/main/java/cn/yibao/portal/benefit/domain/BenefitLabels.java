package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.PhraseLists;
import cn.yibao.portal.shared.Verbatim;
import java.util.List;

/** The names the documents use, for rule names, steps and notes, as phrases. */
final class BenefitLabels {

    private BenefitLabels() {
    }

    /** "住院", "普通门诊统筹", "两病门诊用药". */
    static Phrase of(CareSetting setting) {
        return Phrase.of("benefit.label." + setting.name());
    }

    /** "基层医疗机构"… */
    static Phrase of(FacilityLevel level) {
        return Phrase.of("benefit.level." + level.name());
    }

    /** "基层医疗机构", "二级、三级医疗机构". */
    static Phrase levels(List<FacilityLevel> levels) {
        if (levels.size() == 1) {
            return of(levels.get(0));
        }
        return Phrase.of("benefit.levels", PhraseLists.series(levels.stream()
                .map(level -> Phrase.of("benefit.level.short." + level.name())).toList()));
    }

    /** "（辽宁省，辽医保发〔2023〕11号 二）"; the clause is left out where the source gives none ("-"). */
    static Object source(String regionName, Citation citation) {
        if (citation == null) {
            return "";
        }
        Verbatim document = cite(citation);
        return regionName == null ? Phrase.of("benefit.source", document)
                : Phrase.of("benefit.source.at", new Verbatim(regionName), document);
    }

    /** "辽医保发〔2023〕11号 二", or the document alone where the source gives no clause ("-"). */
    static Verbatim cite(Citation citation) {
        return new Verbatim(citation.document() + ("-".equals(citation.clause()) ? "" : " " + citation.clause()));
    }

    /** Words of a document or a data file, said as written. */
    static Phrase verbatim(String text) {
        return Phrase.of("text.verbatim", new Verbatim(text));
    }

    /** A calendar day as the documents write it ("2024年1月1日"). */
    static Phrase date(java.time.LocalDate day) {
        return Phrase.of("benefit.date", day.getYear(), day.getMonthValue(), day.getDayOfMonth(), day);
    }
}
