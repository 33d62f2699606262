package cn.yibao.portal.filing.api;

import cn.yibao.portal.filing.domain.FilingKind;
import cn.yibao.portal.filing.domain.FilingRules;
import cn.yibao.portal.filing.domain.Material;
import cn.yibao.portal.shared.Phrase;
import java.time.Period;
import java.util.Set;

/**
 * What one filing type requires in one region: materials, whether a personal commitment letter (承诺制) may replace
 * proof of residence, default and minimum validity, how far back a start date may lie, the lock against change
 * for long-term filings, the reimbursement reduction when unfiled or temporary (at most N points), whether staff
 * must check it, and the citation. Read from {@code filing/types.csv}; a region's own row overrides the national.
 */
public record TypeRules(FilingType type, String regionCode, String name, String explanation,
                        Set<Material> requiredMaterials, boolean commitmentAllowed, Period defaultValidity,
                        Period minValidity, int maxDaysInPast, Period lock, Integer reductionPoints,
                        boolean reviewRequired, boolean countsAsFiled, String document, String clause) {

    /** How the type is named to people ({@code filing.type.<TYPE>}; {@code name} is the data file's own). */
    public Phrase label() {
        return Phrase.of("filing.type." + type.name());
    }

    /**
     * The plain explanation of the type ({@code filing.type.<TYPE>.explanation}), with this region's figures: {0} the
     * lock, {1} the minimum validity, {2} the reduction in points ({@code explanation} is the data file's own wording).
     */
    public Phrase explained() {
        return Phrase.of("filing.type." + type.name() + ".explanation",
                lock == null ? "" : FilingRules.describe(lock),
                minValidity == null ? "" : FilingRules.describe(minValidity),
                reductionPoints == null ? "" : reductionPoints);
    }

    public FilingKind kind() {
        return type.kind();
    }
}
