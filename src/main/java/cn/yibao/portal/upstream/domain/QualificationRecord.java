package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.prescription.api.Disease;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * 两病认定: a person qualified for the hypertension or diabetes outpatient-medication scheme. {@code revokedOn} is set
 * when upstream revoked it (撤销认定): from then on it no longer counts (the {@code two_disease_qualification} view
 * leaves it out), and a new qualification under another number may follow.
 */
public record QualificationRecord(String qualificationNo, UUID residentId, Disease disease, LocalDate qualifiedOn,
                                  String facilityName, String facilityRegion, LocalDate revokedOn)
        implements UpstreamRecord, Correctable {

    @Override
    public String key() {
        return qualificationNo;
    }

    @Override
    public QualificationRecord withResident(UUID id) {
        return new QualificationRecord(qualificationNo, id, disease, qualifiedOn, facilityName, facilityRegion,
                revokedOn);
    }

    @Override
    public LocalDate correctedOn() {
        return revokedOn;
    }

    @Override
    public QualificationRecord asCorrectedOn(LocalDate date) {
        return new QualificationRecord(qualificationNo, residentId, disease, qualifiedOn, facilityName, facilityRegion,
                date);
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
        fields.put("revokedOn", revokedOn);
        return fields;
    }
}
