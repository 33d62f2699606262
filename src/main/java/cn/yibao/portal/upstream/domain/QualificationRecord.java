package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.prescription.domain.Disease;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** 两病认定: a person qualified for the hypertension or diabetes outpatient-medication scheme. */
public record QualificationRecord(String qualificationNo, UUID residentId, Disease disease, LocalDate qualifiedOn,
                                  String facilityName, String facilityRegion) implements UpstreamRecord {

    @Override
    public String key() {
        return qualificationNo;
    }

    @Override
    public QualificationRecord withResident(UUID id) {
        return new QualificationRecord(qualificationNo, id, disease, qualifiedOn, facilityName, facilityRegion);
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("qualificationNo", qualificationNo);
        fields.put("certno", residentId);
        fields.put("disease", disease);
        fields.put("qualifiedOn", qualifiedOn);
        fields.put("facilityName", facilityName);
        fields.put("facilityRegion", facilityRegion);
        return fields;
    }
}
