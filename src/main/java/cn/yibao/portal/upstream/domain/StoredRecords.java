package cn.yibao.portal.upstream.domain;

import java.util.Map;
import java.util.UUID;

/**
 * What is already stored that a batch's lines could clash with: the records with the same keys, the numbers of
 * qualifications and contributions the same people already have (one per disease, one per benefit year), and the
 * owners of prescriptions that settlements name.
 */
public record StoredRecords(Map<String, UpstreamRecord> byKey, Map<String, String> qualificationByPersonDisease,
                            Map<String, String> contributionByPersonYear, Map<String, UUID> prescriptionOwners) {

    public static final StoredRecords NONE = new StoredRecords(Map.of(), Map.of(), Map.of(), Map.of());

    public StoredRecords {
        byKey = Map.copyOf(byKey);
        qualificationByPersonDisease = Map.copyOf(qualificationByPersonDisease);
        contributionByPersonYear = Map.copyOf(contributionByPersonYear);
        prescriptionOwners = Map.copyOf(prescriptionOwners);
    }

    public static String personDisease(UUID residentId, String disease) {
        return residentId + "/" + disease;
    }

    public static String personYear(UUID residentId, int year) {
        return residentId + "/" + year;
    }
}
