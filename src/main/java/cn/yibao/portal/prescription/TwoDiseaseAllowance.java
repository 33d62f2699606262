package cn.yibao.portal.prescription;

import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import reactor.core.publisher.Mono;

/**
 * The annual two-disease cap and what is left of it for a person — benefit rules, which the benefit module owns and
 * implements. Optional: without a bean the prescriptions page shows only the amount used.
 */
public interface TwoDiseaseAllowance {

    /** Empty when nothing can be said for that person and year. */
    Mono<Allowance> of(Resident person, int benefitYear, long usedFundFen);

    /**
     * @param capText      the cap figure as residents read it (300 元, 由当地确定, 未公布); the page labels it
     * @param remainingFen what is left this year, or null when the cap is not published
     * @param citationOrNull the document (文号 and clause) the cap comes from, if any
     * @param note         anything else to say (may be null)
     */
    record Allowance(Phrase capText, Long remainingFen, String citationOrNull, Phrase note) {
    }
}
