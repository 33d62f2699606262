package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.prescription.api.Disease;
import cn.yibao.portal.prescription.api.PrescriptionStatus;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** 电子处方 for one of the two diseases. Everything but the status and the dispensing date is fixed at issue. */
public record PrescriptionRecord(String prescriptionNo, UUID residentId, Disease disease, String drugName,
                                 String specification, String dosage, int quantity, String quantityUnit,
                                 int daysSupply, boolean longTerm, String facilityName, String facilityRegion,
                                 LocalDate prescribedOn, PrescriptionStatus status, LocalDate dispensedOn)
        implements UpstreamRecord {

    @Override
    public String key() {
        return prescriptionNo;
    }

    @Override
    public PrescriptionRecord withResident(UUID id) {
        return new PrescriptionRecord(prescriptionNo, id, disease, drugName, specification, dosage, quantity,
                quantityUnit, daysSupply, longTerm, facilityName, facilityRegion, prescribedOn, status, dispensedOn);
    }

    /** The same prescription at another point of its life: only status and dispensing date may differ. */
    public boolean sameIssueAs(PrescriptionRecord other) {
        return withProgress(other.status, other.dispensedOn).equals(other);
    }

    private PrescriptionRecord withProgress(PrescriptionStatus newStatus, LocalDate newDispensedOn) {
        return new PrescriptionRecord(prescriptionNo, residentId, disease, drugName, specification, dosage, quantity,
                quantityUnit, daysSupply, longTerm, facilityName, facilityRegion, prescribedOn, newStatus,
                newDispensedOn);
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("prescriptionNo", prescriptionNo);
        fields.put("certno", residentId);
        fields.put("disease", disease);
        fields.put("drugName", drugName);
        fields.put("specification", specification);
        fields.put("dosage", dosage);
        fields.put("quantity", quantity);
        fields.put("quantityUnit", quantityUnit);
        fields.put("daysSupply", daysSupply);
        fields.put("longTerm", longTerm);
        fields.put("facilityName", facilityName);
        fields.put("facilityRegion", facilityRegion);
        fields.put("prescribedOn", prescribedOn);
        fields.put("status", status);
        fields.put("dispensedOn", dispensedOn);
        return fields;
    }
}
