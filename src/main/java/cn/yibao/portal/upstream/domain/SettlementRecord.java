package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.benefit.domain.CareSetting;
import cn.yibao.portal.benefit.domain.FacilityLevel;
import cn.yibao.portal.benefit.domain.RemoteCare;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** 结算记录: one bill as the core platform settled it; the benefit year is the year it was settled in. */
public record SettlementRecord(String settlementNo, UUID residentId, LocalDate settledOn, CareSetting setting,
                               String facilityName, FacilityLevel facilityLevel, String facilityRegion,
                               RemoteCare remote, long totalFen, long inScopeFen, long fundFen,
                               long criticalIllnessFen, long assistanceFen, long selfFen, String prescriptionNo)
        implements UpstreamRecord {

    public int benefitYear() {
        return settledOn.getYear();
    }

    @Override
    public String key() {
        return settlementNo;
    }

    @Override
    public SettlementRecord withResident(UUID id) {
        return new SettlementRecord(settlementNo, id, settledOn, setting, facilityName, facilityLevel, facilityRegion,
                remote, totalFen, inScopeFen, fundFen, criticalIllnessFen, assistanceFen, selfFen, prescriptionNo);
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("settlementNo", settlementNo);
        fields.put("certno", residentId);
        fields.put("settledOn", settledOn);
        fields.put("setting", setting);
        fields.put("facilityName", facilityName);
        fields.put("facilityLevel", facilityLevel);
        fields.put("facilityRegion", facilityRegion);
        fields.put("remote", remote);
        fields.put("totalFen", totalFen);
        fields.put("inScopeFen", inScopeFen);
        fields.put("fundFen", fundFen);
        fields.put("criticalIllnessFen", criticalIllnessFen);
        fields.put("assistanceFen", assistanceFen);
        fields.put("selfFen", selfFen);
        fields.put("prescriptionNo", prescriptionNo);
        return fields;
    }
}
