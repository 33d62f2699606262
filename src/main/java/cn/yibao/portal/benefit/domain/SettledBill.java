package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import java.time.LocalDate;

/**
 * One settlement (结算记录) as the core platform settled it: who paid what of the bill. The fund is the basic
 * medical-insurance fund; critical-illness insurance (大病保险) and medical assistance (医疗救助) are the other two
 * tiers; {@code selfFen} is what the resident paid.
 */
public record SettledBill(String settlementNo, LocalDate settledOn, CareSetting setting, String facilityName,
                          FacilityLevel facilityLevel, String facilityRegion, RemoteCare remote, long totalFen,
                          long inScopeFen, long fundFen, long criticalIllnessFen, long assistanceFen, long selfFen) {

    /** Paid by the three tiers of protection together (基本医保、大病保险、医疗救助). */
    public long paidForResidentFen() {
        return fundFen + criticalIllnessFen + assistanceFen;
    }
}
