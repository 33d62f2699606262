package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import cn.yibao.portal.prescription.api.Disease;
import cn.yibao.portal.prescription.api.PrescriptionStatus;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.shared.NationalId;
import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;
import java.util.List;

/**
 * The field and cross-field rules of each kind: one line's values become a typed record, or problems. Nothing here
 * knows about stored data or people; {@link BatchRules} does that next. A correction line (a reversal, a withdrawal,
 * a revocation) repeats a record already stored, so it meets only its own field rules here: the policy rules new
 * records meet (the earliest year, the highest contribution) are not asked of it, so that a record stored under
 * older rules can still be taken back.
 */
final class LineReading {

    private static final int MAX_NAME = 64;

    private LineReading() {
    }

    /** The typed line, or {@code null} when the line has problems (added to {@code problems}). */
    static ImportLine read(ImportKind kind, Fields f, ImportPolicy policy) {
        NationalId certno = f.certno();
        String name = f.text("name", MAX_NAME);
        UpstreamRecord record = switch (kind) {
            case SETTLEMENTS -> settlement(f, policy);
            case QUALIFICATIONS -> qualification(f);
            case PRESCRIPTIONS -> prescription(f, policy);
            case ASSISTANCE -> assistance(f);
            case CONTRIBUTIONS -> contribution(f, policy);
        };
        return f.valid() ? new ImportLine(f.line(), certno, name, record) : null;
    }

    private static SettlementRecord settlement(Fields f, ImportPolicy policy) {
        String settlementNo = f.identifier("settlementNo");
        LocalDate settledOn = f.pastDate("settledOn");
        CareSetting setting = f.choice("setting", CareSetting.class);
        String facilityName = f.text("facilityName", Fields.MAX_TEXT);
        FacilityLevel level = f.choice("facilityLevel", FacilityLevel.class);
        String facilityRegion = f.region("facilityRegion");
        RemoteCare remote = f.choice("remote", RemoteCare.class);
        Long total = f.fen("totalFen");
        Long inScope = f.fen("inScopeFen");
        Long fund = f.fen("fundFen");
        Long critical = f.fen("criticalIllnessFen");
        Long assistance = f.fen("assistanceFen");
        Long self = f.fen("selfFen");
        String prescriptionNo = f.optionalIdentifier("prescriptionNo");
        String reverses = f.optionalIdentifier("reversesSettlementNo");
        if (total != null && inScope != null && inScope > total) {
            f.problem("inScopeFen", Phrase.of("upstream.problem.inScope", inScope, total));
        }
        if (total != null && fund != null && critical != null && assistance != null && self != null
                && fund + critical + assistance + self != total) {
            f.problem("totalFen", Phrase.of("upstream.problem.total", fund + critical + assistance + self, total));
        }
        if (prescriptionNo != null && setting != null && setting != CareSetting.TWO_DISEASE) {
            f.problem("prescriptionNo", Phrase.of("upstream.problem.prescriptionLink"));
        }
        if (reverses != null && reverses.equals(settlementNo)) {
            f.problem("reversesSettlementNo", Phrase.of("upstream.problem.reversal.self"));
        }
        if (reverses == null && settledOn != null && settledOn.getYear() < policy.firstBenefitYear()) {
            f.problem("settledOn", Phrase.of("upstream.problem.settledBeforeCatalog", settledOn,
                    policy.firstBenefitYear()));
        }
        return f.valid() ? new SettlementRecord(settlementNo, null, settledOn, setting, facilityName, level,
                facilityRegion, remote, total, inScope, fund, critical, assistance, self, prescriptionNo, reverses)
                : null;
    }

    private static QualificationRecord qualification(Fields f) {
        String qualificationNo = f.identifier("qualificationNo");
        Disease disease = f.choice("disease", Disease.class);
        LocalDate qualifiedOn = f.pastDate("qualifiedOn");
        String facilityName = f.text("facilityName", Fields.MAX_TEXT);
        String facilityRegion = f.region("facilityRegion");
        LocalDate revokedOn = f.optionalPastDate("revokedOn");
        if (revokedOn != null && qualifiedOn != null && revokedOn.isBefore(qualifiedOn)) {
            f.problem("revokedOn", Phrase.of("upstream.problem.revokedEarly", revokedOn, qualifiedOn));
        }
        return f.valid() ? new QualificationRecord(qualificationNo, null, disease, qualifiedOn, facilityName,
                facilityRegion, revokedOn) : null;
    }

    private static PrescriptionRecord prescription(Fields f, ImportPolicy policy) {
        String prescriptionNo = f.identifier("prescriptionNo");
        Disease disease = f.choice("disease", Disease.class);
        String drugName = f.text("drugName", Fields.MAX_TEXT);
        String specification = f.text("specification", 64);
        String dosage = f.text("dosage", Fields.MAX_TEXT);
        Integer quantity = f.integer("quantity", 1, 100_000);
        String quantityUnit = f.text("quantityUnit", 8);
        Integer daysSupply = f.integer("daysSupply", 1, policy.maxDaysSupply());
        Boolean longTerm = f.bool("longTerm");
        String facilityName = f.text("facilityName", Fields.MAX_TEXT);
        String facilityRegion = f.region("facilityRegion");
        LocalDate prescribedOn = f.pastDate("prescribedOn");
        PrescriptionStatus status = f.choice("status", PrescriptionStatus.class);
        LocalDate dispensedOn = null;
        if (status == PrescriptionStatus.ISSUED) {
            if (f.present("dispensedOn")) {
                f.problem("dispensedOn", Phrase.of("upstream.problem.dispensedOn.issued"));
            }
        } else if (status != null) {
            dispensedOn = f.pastDate("dispensedOn");
            if (dispensedOn != null && prescribedOn != null && dispensedOn.isBefore(prescribedOn)) {
                f.problem("dispensedOn", Phrase.of("upstream.problem.dispensedOn.early", dispensedOn, prescribedOn));
            }
        }
        return f.valid() ? new PrescriptionRecord(prescriptionNo, null, disease, drugName, specification, dosage,
                quantity, quantityUnit, daysSupply, longTerm, facilityName, facilityRegion, prescribedOn, status,
                dispensedOn) : null;
    }

    private static AssistanceRecord assistance(Fields f) {
        AssistanceStatus status = f.choice("status", AssistanceStatus.class);
        LocalDate listedOn = f.pastDate("listedOn");
        String department = f.text("department", Fields.MAX_TEXT);
        return f.valid() ? new AssistanceRecord(null, listedOn, status, department) : null;
    }

    private static ContributionRecord contribution(Fields f, ImportPolicy policy) {
        String recordNo = f.identifier("recordNo");
        Integer year = f.integer("benefitYear", 2000, 2100);
        LocalDate paidOn = f.pastDate("paidOn");
        Long amount = f.fen("amountFen");
        String collector = f.text("collector", Fields.MAX_TEXT);
        LocalDate start = f.date("benefitStart");
        LocalDate end = f.date("benefitEnd");
        LocalDate withdrawnOn = f.optionalPastDate("withdrawnOn");
        if (start != null && end != null && end.isBefore(start)) {
            f.problem("benefitEnd", Phrase.of("upstream.problem.benefitEnd.early"));
        }
        if (year != null && start != null && start.getYear() != year) {
            f.problem("benefitStart", Phrase.of("upstream.problem.benefitStart.year", year));
        }
        if (year != null && end != null && end.getYear() != year) {
            f.problem("benefitEnd", Phrase.of("upstream.problem.benefitEnd.year", year));
        }
        if (withdrawnOn != null && paidOn != null && withdrawnOn.isBefore(paidOn)) {
            f.problem("withdrawnOn", Phrase.of("upstream.problem.withdrawnEarly", withdrawnOn, paidOn));
        }
        int nextYear = policy.today().getYear() + 1;
        if (withdrawnOn == null && year != null && year > nextYear) {
            f.problem("benefitYear", Phrase.of("upstream.problem.yearAfterNext", year, nextYear));
        }
        if (withdrawnOn == null && year != null && year < policy.firstBenefitYear()) {
            f.problem("benefitYear", Phrase.of("upstream.problem.yearBeforeCatalog", year, policy.firstBenefitYear()));
        }
        return f.valid() ? new ContributionRecord(recordNo, null, year, paidOn, amount, collector, start, end,
                withdrawnOn) : null;
    }

    /** What must be unique inside one file, with the words that explain a clash. */
    record UniqueKey(String field, String value, Phrase meaning) {
    }

    /**
     * A correction does not claim the person's one record per year or disease (it takes one back, so a new record may
     * stand beside it in the same file); a reversal claims the settlement it takes back.
     */
    static List<UniqueKey> uniqueKeys(ImportLine line) {
        String person = line.certno().value();
        UpstreamRecord record = line.record();
        if (record instanceof SettlementRecord s) {
            UniqueKey number = new UniqueKey("settlementNo", s.settlementNo(), Phrase.of("upstream.same.settlementNo"));
            return s.isReversal() ? List.of(number, new UniqueKey("reversesSettlementNo", s.reversesSettlementNo(),
                    Phrase.of("upstream.same.reversal"))) : List.of(number);
        }
        if (record instanceof QualificationRecord q) {
            UniqueKey number = new UniqueKey("qualificationNo", q.qualificationNo(), Phrase.of("upstream.same.qualificationNo"));
            return q.corrected() ? List.of(number)
                    : List.of(number, new UniqueKey("disease", person + "/" + q.disease(), Phrase.of("upstream.same.disease")));
        }
        if (record instanceof PrescriptionRecord p) {
            return List.of(new UniqueKey("prescriptionNo", p.prescriptionNo(), Phrase.of("upstream.same.prescriptionNo")));
        }
        if (record instanceof AssistanceRecord a) {
            return List.of(new UniqueKey("listedOn", person + "/" + a.listedOn(), Phrase.of("upstream.same.listedOn")));
        }
        ContributionRecord c = (ContributionRecord) record;
        UniqueKey number = new UniqueKey("recordNo", c.recordNo(), Phrase.of("upstream.same.recordNo"));
        return c.corrected() ? List.of(number)
                : List.of(number, new UniqueKey("benefitYear", person + "/" + c.benefitYear(), Phrase.of("upstream.same.benefitYear")));
    }
}
