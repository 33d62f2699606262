package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.resident.api.AssistanceStatus;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A person on a 资助参保 list of a given date; the latest listing is the person's assistance status. */
public record AssistanceRecord(UUID residentId, LocalDate listedOn, AssistanceStatus status, String department)
        implements UpstreamRecord {

    /** A person appears at most once on the lists of one date. */
    @Override
    public String key() {
        return residentId + "/" + listedOn;
    }

    @Override
    public AssistanceRecord withResident(UUID id) {
        return new AssistanceRecord(id, listedOn, status, department);
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("certno", residentId);
        fields.put("listedOn", listedOn);
        fields.put("status", status);
        fields.put("department", department);
        return fields;
    }
}
