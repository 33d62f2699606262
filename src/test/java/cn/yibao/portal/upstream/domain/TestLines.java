package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.policy.PolicyCatalogLoader;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.policy.api.PolicyCatalog;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Valid lines of every kind, to change one field at a time; the business date 2023-10-15, the portal's own region
 * list and policy catalog (so that figures come from the documents, not from the tests), the default 84-day supply.
 */
final class TestLines {

    static final LocalDate TODAY = LocalDate.of(2023, 10, 15);
    static final RegionCatalog REGIONS = new RegionCatalog();
    static final PolicyCatalog CATALOG = PolicyCatalogLoader.load(PolicyCatalogLoader.LOCATION, REGIONS);
    static final ImportPolicy POLICY = policy(TODAY, 84);
    static final String LIU = "141121196004152121";

    static ImportPolicy policy(LocalDate today, int maxDaysSupply) {
        return new ImportPolicy(today, REGIONS::pathToNational, CATALOG, maxDaysSupply);
    }

    private TestLines() {
    }

    static Map<String, String> valid(ImportKind kind) {
        Map<String, String> line = new HashMap<>(Map.of("certno", LIU, "name", "刘桂芳"));
        switch (kind) {
            case SETTLEMENTS -> line.putAll(Map.ofEntries(Map.entry("settlementNo", "JS001"),
                    Map.entry("settledOn", "2023-09-04"), Map.entry("setting", "TWO_DISEASE"),
                    Map.entry("facilityName", "文水县人民医院"), Map.entry("facilityLevel", "SECONDARY"),
                    Map.entry("facilityRegion", "141121"), Map.entry("remote", "NONE"), Map.entry("totalFen", "1890"),
                    Map.entry("inScopeFen", "1890"), Map.entry("fundFen", "945"), Map.entry("criticalIllnessFen", "0"),
                    Map.entry("assistanceFen", "0"), Map.entry("selfFen", "945"), Map.entry("prescriptionNo", "CF001")));
            case QUALIFICATIONS -> line.putAll(Map.of("qualificationNo", "LB001", "disease", "HYPERTENSION",
                    "qualifiedOn", "2023-09-04", "facilityName", "文水县人民医院", "facilityRegion", "141121"));
            case PRESCRIPTIONS -> line.putAll(Map.ofEntries(Map.entry("prescriptionNo", "CF001"),
                    Map.entry("disease", "HYPERTENSION"), Map.entry("drugName", "苯磺酸氨氯地平片"),
                    Map.entry("specification", "5mg×28片"), Map.entry("dosage", "口服，一次1片，一日1次"),
                    Map.entry("quantity", "1"), Map.entry("quantityUnit", "盒"), Map.entry("daysSupply", "28"),
                    Map.entry("longTerm", "false"), Map.entry("facilityName", "文水县凤城镇卫生院"),
                    Map.entry("facilityRegion", "141121"), Map.entry("prescribedOn", "2023-09-20"),
                    Map.entry("status", "DISPENSED"), Map.entry("dispensedOn", "2023-09-20")));
            case ASSISTANCE -> line.putAll(Map.of("status", "MINIMUM_LIVING", "listedOn", "2023-09-10",
                    "department", "文水县民政局"));
            case CONTRIBUTIONS -> line.putAll(Map.of("recordNo", "SW001", "benefitYear", "2024",
                    "paidOn", "2023-10-01", "amountFen", "7600", "collector", "国家税务总局文水县税务局",
                    "benefitStart", "2024-01-01", "benefitEnd", "2024-12-31"));
        }
        return line;
    }

    /** The valid line of the kind with some fields changed ({@code null} removes one). */
    static Map<String, String> with(ImportKind kind, String... fieldsAndValues) {
        Map<String, String> line = valid(kind);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] == null) {
                line.remove(fieldsAndValues[i]);
            } else {
                line.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
        }
        return line;
    }

    @SafeVarargs
    static BatchRules.Reading read(ImportKind kind, Map<String, String>... lines) {
        return read(POLICY, kind, lines);
    }

    @SafeVarargs
    static BatchRules.Reading read(ImportPolicy policy, ImportKind kind, Map<String, String>... lines) {
        List<RawLine> raw = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            raw.add(new RawLine(i + 1, lines[i]));
        }
        return BatchRules.read(kind, new ParsedFile(raw, List.of(), raw.size()), policy);
    }
}
