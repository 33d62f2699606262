package cn.yibao.portal.benefit.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What an estimate assumes about the person that the records do not show: the fund pays nothing for someone not
 * insured in the year (or before their benefit period starts), and two-disease medication only after the facility's
 * qualification (两病认定). Records may lag behind (payments collected elsewhere, qualifications not yet sent), so the
 * estimate is still made, and these warnings go first.
 */
public record EstimateEligibility(boolean insuredOnRecord, Boolean qualifiedOnRecord, List<String> warnings) {

    public EstimateEligibility {
        warnings = List.copyOf(warnings);
    }

    /** {@code qualifiedForTwoDiseases} is only asked about for two-disease estimates. */
    public static EstimateEligibility of(Coverage coverage, CareSetting setting, boolean qualifiedForTwoDiseases) {
        List<String> warnings = new ArrayList<>();
        boolean insured = !(coverage instanceof Coverage.NotCovered);
        if (coverage instanceof Coverage.NotCovered) {
            warnings.add("本平台未查询到" + coverage.benefitYear() + "年度的参保缴费记录：未参保缴费的，医疗费用医保基金不予支付。"
                    + "以下测算假定您已参保缴费。");
        }
        if (coverage instanceof Coverage.Covered covered && covered.lateStart()) {
            warnings.add(coverage.benefitYear() + "年度待遇自 " + covered.start() + " 起享受，此前发生的医疗费用医保基金不予支付。");
        }
        Boolean qualified = null;
        if (setting == CareSetting.TWO_DISEASE) {
            qualified = qualifiedForTwoDiseases;
            if (!qualifiedForTwoDiseases) {
                warnings.add("未查询到您的两病（高血压、糖尿病）认定记录：两病门诊用药待遇需先经定点医疗机构认定。以下测算假定您已认定。");
            }
        }
        return new EstimateEligibility(insured, qualified, warnings);
    }
}
