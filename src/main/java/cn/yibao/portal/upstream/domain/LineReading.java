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
        if (reverses != null && reverses.equals(settlementNo)) {
            f.problem("reversesSettlementNo", "冲正记录要有自己的结算单号，不能冲正它自己。");
        }
        if (reverses == null && settledOn != null && settledOn.getYear() < policy.firstBenefitYear()) {
            f.problem("settledOn", "结算日期 " + settledOn + " 早于政策目录收录的最早待遇年度（" + policy.firstBenefitYear()
                    + " 年度），无法按政策核对，不能导入。");
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
            f.problem("revokedOn", "撤销日期（" + revokedOn + "）不能早于认定日期（" + qualifiedOn + "）。");
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
            f.problem("benefitEnd", "待遇期结束日期不能早于开始日期。");
        }
        if (year != null && start != null && start.getYear() != year) {
            f.problem("benefitStart", "待遇期开始日期应在 " + year + " 待遇年度内。");
        }
        if (year != null && end != null && end.getYear() != year) {
            f.problem("benefitEnd", "待遇期结束日期应在 " + year + " 待遇年度内。");
        }
        if (withdrawnOn != null && paidOn != null && withdrawnOn.isBefore(paidOn)) {
            f.problem("withdrawnOn", "作废（退费）日期（" + withdrawnOn + "）不能早于缴费日期（" + paidOn + "）。");
        }
        int nextYear = policy.today().getYear() + 1;
        if (withdrawnOn == null && year != null && year > nextYear) {
            f.problem("benefitYear", "待遇年度 " + year + " 晚于下一年度（" + nextYear + " 年度），不能导入。");
        }
        if (withdrawnOn == null && year != null && year < policy.firstBenefitYear()) {
            f.problem("benefitYear", "待遇年度 " + year + " 早于政策目录收录的最早待遇年度（" + policy.firstBenefitYear()
                    + " 年度），不能导入。");
        }
        return f.valid() ? new ContributionRecord(recordNo, null, year, paidOn, amount, collector, start, end,
                withdrawnOn) : null;
    }

    /** What must be unique inside one file, with the words that explain a clash. */
    record UniqueKey(String field, String value, String meaning) {
    }

    /**
     * A correction does not claim the person's one record per year or disease (it takes one back, so a new record may
     * stand beside it in the same file); a reversal claims the settlement it takes back.
     */
    static List<UniqueKey> uniqueKeys(ImportLine line) {
        String person = line.certno().value();
        UpstreamRecord record = line.record();
        if (record instanceof SettlementRecord s) {
            UniqueKey number = new UniqueKey("settlementNo", s.settlementNo(), "结算单号相同");
            return s.isReversal() ? List.of(number, new UniqueKey("reversesSettlementNo", s.reversesSettlementNo(),
                    "冲正同一笔原结算")) : List.of(number);
        }
        if (record instanceof QualificationRecord q) {
            UniqueKey number = new UniqueKey("qualificationNo", q.qualificationNo(), "认定编号相同");
            return q.corrected() ? List.of(number)
                    : List.of(number, new UniqueKey("disease", person + "/" + q.disease(), "同一参保人同一病种"));
        }
        if (record instanceof PrescriptionRecord p) {
            return List.of(new UniqueKey("prescriptionNo", p.prescriptionNo(), "处方编号相同"));
        }
        if (record instanceof AssistanceRecord a) {
            return List.of(new UniqueKey("listedOn", person + "/" + a.listedOn(), "同一参保人同一名单日期"));
        }
        ContributionRecord c = (ContributionRecord) record;
        UniqueKey number = new UniqueKey("recordNo", c.recordNo(), "缴费记录编号相同");
        return c.corrected() ? List.of(number)
                : List.of(number, new UniqueKey("benefitYear", person + "/" + c.benefitYear(), "同一参保人同一待遇年度"));
    }
}
