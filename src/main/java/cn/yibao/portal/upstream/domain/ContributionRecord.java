package cn.yibao.portal.upstream.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * 参保缴费记录 collected outside the portal (tax bureau, bank counters, collection agents). {@code withdrawnOn} is set
 * when upstream withdrew it (退费/作废): from then on it no longer counts (the {@code contribution_record} view leaves
 * it out), and a new record under another number may take its place.
 */
public record ContributionRecord(String recordNo, UUID residentId, int benefitYear, LocalDate paidOn, long amountFen,
                                 String collector, LocalDate benefitStart, LocalDate benefitEnd, LocalDate withdrawnOn)
        implements UpstreamRecord, Correctable {

    @Override
    public String key() {
        return recordNo;
    }

    @Override
    public ContributionRecord withResident(UUID id) {
        return new ContributionRecord(recordNo, id, benefitYear, paidOn, amountFen, collector, benefitStart,
                benefitEnd, withdrawnOn);
    }

    @Override
    public LocalDate correctedOn() {
        return withdrawnOn;
    }

    @Override
    public ContributionRecord asCorrectedOn(LocalDate date) {
        return new ContributionRecord(recordNo, residentId, benefitYear, paidOn, amountFen, collector, benefitStart,
                benefitEnd, date);
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
        fields.put("withdrawnOn", withdrawnOn);
        return fields;
    }
}
