package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.shared.Phrase;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a batch file holds. The same field names are JSON Lines keys and CSV header names; every line names a person by
 * {@code certno} and {@code name}.
 */
public enum ImportKind {

    /** 结算记录 from the core medical-insurance platform; a line with {@code reversesSettlementNo} is a reversal (冲正). */
    SETTLEMENTS(Set.of("prescriptionNo", "reversesSettlementNo"), "settlementNo", "certno", "name",
            "settledOn", "setting", "facilityName", "facilityLevel", "facilityRegion", "remote", "totalFen",
            "inScopeFen", "fundFen", "criticalIllnessFen", "assistanceFen", "selfFen", "prescriptionNo",
            "reversesSettlementNo"),
    /** 两病认定; a line with {@code revokedOn} revokes it (撤销认定). */
    QUALIFICATIONS(Set.of("revokedOn"), "qualificationNo", "certno", "name", "disease", "qualifiedOn",
            "facilityName", "facilityRegion", "revokedOn"),
    /** 电子处方 */
    PRESCRIPTIONS(Set.of("dispensedOn"), "prescriptionNo", "certno", "name", "disease", "drugName",
            "specification", "dosage", "quantity", "quantityUnit", "daysSupply", "longTerm", "facilityName",
            "facilityRegion", "prescribedOn", "status", "dispensedOn"),
    /** 资助参保名单 from civil affairs (民政) and rural revitalisation (乡村振兴). */
    ASSISTANCE(Set.of(), "certno", "name", "status", "listedOn", "department"),
    /** 参保缴费记录 collected outside the portal (tax bureau, banks, collection agents); {@code withdrawnOn}: 退费/作废. */
    CONTRIBUTIONS(Set.of("withdrawnOn"), "recordNo", "certno", "name", "benefitYear", "paidOn",
            "amountFen", "collector", "benefitStart", "benefitEnd", "withdrawnOn");

    private final List<String> fields;
    private final Set<String> optional;

    ImportKind(Set<String> optional, String... fields) {
        this.fields = List.of(fields);
        this.optional = optional;
    }

    /** The name operators know the kind by ({@code upstream.kind.<NAME>}: 结算记录…). */
    public Phrase label() {
        return Phrase.of("upstream.kind." + name());
    }

    /** Every field a line may have, in the order a CSV header would list them. */
    public List<String> fields() {
        return fields;
    }

    public boolean isRequired(String field) {
        return fields.contains(field) && !optional.contains(field);
    }

    /** The kind as it appears in URLs and demo file names: {@code settlements}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportKind> fromPathName(String text) {
        return Arrays.stream(values()).filter(kind -> kind.pathName().equals(text)).findFirst();
    }
}
