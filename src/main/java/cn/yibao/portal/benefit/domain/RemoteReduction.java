package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.filing.api.TypeRules;
import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.shared.Phrase;
import java.util.List;

/**
 * How much lower the reimbursement ratio may be for out-of-area care of one filing type (异地就医, 医保发〔2022〕22号
 * as kept in {@code filing/types.csv}): at most {@code maxPoints} percentage points. {@code label}: how the type is
 * named to people, the same words as on the filing pages.
 */
public record RemoteReduction(String filingType, Phrase label, int maxPoints, Citation citation) {

    /** The filing type that unfiled care is treated like ("其他临时外出就医"). */
    public static final String OTHER_TEMPORARY = "OTHER_TEMPORARY";

    public RemoteReduction {
        if (maxPoints < 0 || maxPoints > 100) {
            throw new IllegalArgumentException("reduction points must be 0–100: " + maxPoints);
        }
    }

    /** The filing types of a region that carry a reduction (long-term filings keep the local ratio and have none). */
    public static List<RemoteReduction> of(List<TypeRules> filingTypes) {
        return filingTypes.stream()
                .filter(type -> type.reductionPoints() != null)
                .map(type -> new RemoteReduction(type.type().name(), type.label(), type.reductionPoints(),
                        new Citation(type.document(), type.clause(), type.regionCode())))
                .toList();
    }
}
