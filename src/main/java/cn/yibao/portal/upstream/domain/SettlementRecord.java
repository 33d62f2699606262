package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 结算记录: one bill as the core platform settled it; the benefit year is the year it was settled in. A reversal
 * (冲正) is a settlement of its own number that names the one it takes back ({@code reversesSettlementNo}) and repeats
 * its figures; from then on neither counts (the {@code settlement} view leaves both out).
 */
public record SettlementRecord(String settlementNo, UUID residentId, LocalDate settledOn, CareSetting setting,
                               String facilityName, FacilityLevel facilityLevel, String facilityRegion,
                               RemoteCare remote, long totalFen, long inScopeFen, long fundFen,
                               long criticalIllnessFen, long assistanceFen, long selfFen, String prescriptionNo,
                               String reversesSettlementNo)
        implements UpstreamRecord {

    /** What a reversal must repeat of the settlement it takes back. */
    static final List<String> FIGURES = List.of("setting", "facilityName", "facilityLevel",
            "facilityRegion", "remote", "totalFen", "inScopeFen", "fundFen", "criticalIllnessFen", "assistanceFen",
            "selfFen", "prescriptionNo");

    public int benefitYear() {
        return settledOn.getYear();
    }

    public boolean isReversal() {
        return reversesSettlementNo != null;
    }

    @Override
    public String key() {
        return settlementNo;
    }

    @Override
    public SettlementRecord withResident(UUID id) {
        return new SettlementRecord(settlementNo, id, settledOn, setting, facilityName, facilityLevel, facilityRegion,
                remote, totalFen, inScopeFen, fundFen, criticalIllnessFen, assistanceFen, selfFen, prescriptionNo,
                reversesSettlementNo);
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
        fields.put("reversesSettlementNo", reversesSettlementNo);
        return fields;
    }
}
