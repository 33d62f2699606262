package cn.yibao.portal.upstream.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** 参保缴费记录 collected outside the portal (tax bureau, bank counters, collection agents). */
public record ContributionRecord(String recordNo, UUID residentId, int benefitYear, LocalDate paidOn, long amountFen,
                                 String collector, LocalDate benefitStart, LocalDate benefitEnd)
        implements UpstreamRecord {

    @Override
    public String key() {
        return recordNo;
    }

    @Override
    public ContributionRecord withResident(UUID id) {
        return new ContributionRecord(recordNo, id, benefitYear, paidOn, amountFen, collector, benefitStart,
                benefitEnd);
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("recordNo", recordNo);
        fields.put("certno", residentId);
        fields.put("benefitYear", benefitYear);
        fields.put("paidOn", paidOn);
        fields.put("amountFen", amountFen);
        fields.put("collector", collector);
        fields.put("benefitStart", benefitStart);
        fields.put("benefitEnd", benefitEnd);
        return fields;
    }
}
