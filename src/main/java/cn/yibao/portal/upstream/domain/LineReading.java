package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.benefit.domain.CareSetting;
import cn.yibao.portal.benefit.domain.FacilityLevel;
import cn.yibao.portal.benefit.domain.RemoteCare;
import cn.yibao.portal.identity.domain.NationalId;
import cn.yibao.portal.prescription.domain.Disease;
import cn.yibao.portal.prescription.domain.PrescriptionStatus;
import cn.yibao.portal.resident.domain.AssistanceStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * The field and cross-field rules of each kind: one line's values become a typed record, or problems. Nothing here
 * knows about stored data or people; {@link BatchRules} does that next.
 */
final class LineReading {

    /** Prescriptions up to 12 weeks (长处方), as the prescription table allows. */
    static final int MAX_DAYS_SUPPLY = 84;
    private static final int MAX_NAME = 64;

    private LineReading() {
    }

    /** The typed line, or {@code null} when the line has problems (added to {@code problems}). */
    static ImportLine read(ImportKind kind, Fields f) {
        NationalId certno = f.certno();
        String name = f.text("name", MAX_NAME);
        UpstreamRecord record = switch (kind) {
            case SETTLEMENTS -> settlement(f);
            case QUALIFICATIONS -> qualification(f);
            case PRESCRIPTIONS -> prescription(f);
            case ASSISTANCE -> assistance(f);
            case CONTRIBUTIONS -> contribution(f);
        };
        return f.valid() ? new ImportLine(f.line(), certno, name, record) : null;
    }

    private static SettlementRecord settlement(Fields f) {
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
        if (total != null && inScope != null && inScope > total) {
            f.problem("inScopeFen", "政策范围内费用（" + inScope + " 分）不能超过总费用（" + total + " 分）。");
        }
        if (total != null && fund != null && critical != null && assistance != null && self != null
                && fund + critical + assistance + self != total) {
            f.problem("totalFen", "基金支付、大病保险、医疗救助与个人支付之和（" + (fund + critical + assistance + self)
                    + " 分）应等于总费用（" + total + " 分）。");
        }
        if (prescriptionNo != null && setting != null && setting != CareSetting.TWO_DISEASE) {
            f.problem("prescriptionNo", "只有两病门诊用药结算（TWO_DISEASE）可以关联处方。");
        }
        return f.valid() ? new SettlementRecord(settlementNo, null, settledOn, setting, facilityName, level,
                facilityRegion, remote, total, inScope, fund, critical, assistance, self, prescriptionNo) : null;
    }

    private static QualificationRecord qualification(Fields f) {
        String qualificationNo = f.identifier("qualificationNo");
        Disease disease = f.choice("disease", Disease.class);
        LocalDate qualifiedOn = f.pastDate("qualifiedOn");
        String facilityName = f.text("facilityName", Fields.MAX_TEXT);
        String facilityRegion = f.region("facilityRegion");
        return f.valid() ? new QualificationRecord(qualificationNo, null, disease, qualifiedOn, facilityName,
                facilityRegion) : null;
    }

    private static PrescriptionRecord prescription(Fields f) {
        String prescriptionNo = f.identifier("prescriptionNo");
        Disease disease = f.choice("disease", Disease.class);
        String drugName = f.text("drugName", Fields.MAX_TEXT);
        String specification = f.text("specification", 64);
        String dosage = f.text("dosage", Fields.MAX_TEXT);
        Integer quantity = f.integer("quantity", 1, 100_000);
        String quantityUnit = f.text("quantityUnit", 8);
        Integer daysSupply = f.integer("daysSupply", 1, MAX_DAYS_SUPPLY);
        Boolean longTerm = f.bool("longTerm");
        String facilityName = f.text("facilityName", Fields.MAX_TEXT);
        String facilityRegion = f.region("facilityRegion");
        LocalDate prescribedOn = f.pastDate("prescribedOn");
        PrescriptionStatus status = f.choice("status", PrescriptionStatus.class);
        LocalDate dispensedOn = null;
        if (status == PrescriptionStatus.ISSUED) {
            if (f.present("dispensedOn")) {
                f.problem("dispensedOn", "已开具（ISSUED）尚未取药的处方不应有取药日期。");
            }
        } else if (status != null) {
            dispensedOn = f.pastDate("dispensedOn");
            if (dispensedOn != null && prescribedOn != null && dispensedOn.isBefore(prescribedOn)) {
                f.problem("dispensedOn", "取药日期（" + dispensedOn + "）不能早于开方日期（" + prescribedOn + "）。");
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

    private static ContributionRecord contribution(Fields f) {
        String recordNo = f.identifier("recordNo");
        Integer year = f.integer("benefitYear", 2000, 2100);
        LocalDate paidOn = f.pastDate("paidOn");
        Long amount = f.fen("amountFen");
        String collector = f.text("collector", Fields.MAX_TEXT);
        LocalDate start = f.date("benefitStart");
        LocalDate end = f.date("benefitEnd");
        if (start != null && end != null && end.isBefore(start)) {
            f.problem("benefitEnd", "待遇期结束日期不能早于开始日期。");
        }
        if (year != null && start != null && start.getYear() != year) {
            f.problem("benefitStart", "待遇期开始日期应在 " + year + " 待遇年度内。");
        }
        if (year != null && end != null && end.getYear() != year) {
            f.problem("benefitEnd", "待遇期结束日期应在 " + year + " 待遇年度内。");
        }
        return f.valid() ? new ContributionRecord(recordNo, null, year, paidOn, amount, collector, start, end) : null;
    }

    /** What must be unique inside one file, with the words that explain a clash. */
    record UniqueKey(String field, String value, String meaning) {
    }

    static List<UniqueKey> uniqueKeys(ImportLine line) {
        String person = line.certno().value();
        UpstreamRecord record = line.record();
        if (record instanceof SettlementRecord s) {
            return List.of(new UniqueKey("settlementNo", s.settlementNo(), "结算单号相同"));
        }
        if (record instanceof QualificationRecord q) {
            return List.of(new UniqueKey("qualificationNo", q.qualificationNo(), "认定编号相同"),
                    new UniqueKey("disease", person + "/" + q.disease(), "同一参保人同一病种"));
        }
        if (record instanceof PrescriptionRecord p) {
            return List.of(new UniqueKey("prescriptionNo", p.prescriptionNo(), "处方编号相同"));
        }
        if (record instanceof AssistanceRecord a) {
            return List.of(new UniqueKey("listedOn", person + "/" + a.listedOn(), "同一参保人同一名单日期"));
        }
        ContributionRecord c = (ContributionRecord) record;
        return List.of(new UniqueKey("recordNo", c.recordNo(), "缴费记录编号相同"),
                new UniqueKey("benefitYear", person + "/" + c.benefitYear(), "同一参保人同一待遇年度"));
    }
}
