package cn.yibao.portal.upstream.domain;

import java.util.Map;
import java.util.UUID;

/**
 * What is already stored that a batch's lines could clash with: the records with the same keys (for settlements also
 * the originals that reversals name, for corrections the records as stored, taken back or not), the numbers of the
 * qualifications and contributions that count for the same people (one per disease, one per benefit year), the owners
 * of prescriptions that settlements name, and which originals are already reversed (original → reversal number).
 */
public record StoredRecords(Map<String, UpstreamRecord> byKey, Map<String, String> qualificationByPersonDisease,
                            Map<String, String> contributionByPersonYear, Map<String, UUID> prescriptionOwners,
                            Map<String, String> settlementReversals) {

    public static final StoredRecords NONE = new StoredRecords(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public StoredRecords {
        byKey = Map.copyOf(byKey);
        qualificationByPersonDisease = Map.copyOf(qualificationByPersonDisease);
        contributionByPersonYear = Map.copyOf(contributionByPersonYear);
        prescriptionOwners = Map.copyOf(prescriptionOwners);
        settlementReversals = Map.copyOf(settlementReversals);
    }

    public static String personDisease(UUID residentId, String disease) {
        return residentId + "/" + disease;
    }

    public static String personYear(UUID residentId, int year) {
        return residentId + "/" + year;
    }
}
