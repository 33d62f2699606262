package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.shared.Phrase;
import java.util.ArrayList;
import java.util.List;

/**
 * What an estimate assumes about the person that the records do not show: the fund pays nothing for someone not
 * insured in the year (or before their benefit period starts), and two-disease medication only after the facility's
 * qualification (两病认定). Records may lag behind (payments collected elsewhere, qualifications not yet sent), so the
 * estimate is still made, and these warnings go first.
 */
public record EstimateEligibility(boolean insuredOnRecord, Boolean qualifiedOnRecord, List<Phrase> warnings) {

    public EstimateEligibility {
        warnings = List.copyOf(warnings);
    }

    /** {@code qualifiedForTwoDiseases} is only asked about for two-disease estimates. */
    public static EstimateEligibility of(Coverage coverage, CareSetting setting, boolean qualifiedForTwoDiseases) {
        List<Phrase> warnings = new ArrayList<>();
        boolean insured = !(coverage instanceof Coverage.NotCovered);
        if (coverage instanceof Coverage.NotCovered) {
            warnings.add(Phrase.of("benefit.eligibility.notInsured", coverage.benefitYear()));
        }
        if (coverage instanceof Coverage.Covered covered && covered.lateStart()) {
            warnings.add(Phrase.of("benefit.eligibility.lateStart", coverage.benefitYear(), covered.start()));
        }
        Boolean qualified = null;
        if (setting == CareSetting.TWO_DISEASE) {
            qualified = qualifiedForTwoDiseases;
            if (!qualifiedForTwoDiseases) {
                warnings.add(Phrase.of("benefit.eligibility.notQualified"));
            }
        }
        return new EstimateEligibility(insured, qualified, warnings);
    }
}
