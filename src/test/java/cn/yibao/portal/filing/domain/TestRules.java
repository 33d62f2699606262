package cn.yibao.portal.filing.domain;

import cn.yibao.portal.filing.api.FilingType;
import cn.yibao.portal.filing.api.TypeRules;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The national filing rules of 医保发〔2022〕22号 as {@link TypeRules} (the same values as the national rows of
 * {@code filing/types.csv}), and a draft application to vary one field at a time.
 */
final class TestRules {

    static final String DOCUMENT = "医保发〔2022〕22号";
    static final LocalDate TODAY = LocalDate.of(2023, 10, 15);

    static final List<String> SHENYANG = List.of("210100", "210000", "000000");
    static final List<String> FUZHOU = List.of("350100", "350000", "000000");

    private TestRules() {
    }

    static TypeRules national(FilingType type) {
        Period sixMonths = Period.ofMonths(6);
        return switch (type) {
            case RETIRED_RELOCATED -> longTerm(type, "异地安置退休");
            case LONG_TERM_RESIDENCE -> longTerm(type, "异地长期居住");
            case RESIDENT_WORKING -> longTerm(type, "常驻异地工作");
            case REFERRAL -> new TypeRules(type, "000000", "异地转诊就医", "需要转诊证明，由经办机构审核。",
                    Set.of(Material.REFERRAL_CERTIFICATE), false, sixMonths, sixMonths, 0, null, 10, true, false,
                    DOCUMENT, "-");
            case EMERGENCY -> new TypeRules(type, "000000", "异地急诊抢救", "视同已备案，不需要办理。",
                    Set.of(), false, null, null, 0, null, 10, false, true, DOCUMENT, "-");
            case OTHER_TEMPORARY -> new TypeRules(type, "000000", "其他临时外出就医", "有效期不少于6个月。",
                    Set.of(), false, sixMonths, sixMonths, 0, null, 20, false, false, DOCUMENT, "-");
        };
    }

    private static TypeRules longTerm(FilingType type, String name) {
        return new TypeRules(type, "000000", name, "需要居住证明，也可以签署个人承诺书代替。",
                Set.of(Material.RESIDENCE_PROOF), true, null, null, 0, Period.ofMonths(6), null, false, false,
                DOCUMENT, "-");
    }

    /** A pooling area's own row that lets the start date lie up to {@code days} in the past. */
    static TypeRules withMaxDaysInPast(TypeRules r, int days) {
        return new TypeRules(r.type(), r.regionCode(), r.name(), r.explanation(), r.requiredMaterials(),
                r.commitmentAllowed(), r.defaultValidity(), r.minValidity(), days, r.lock(), r.reductionPoints(),
                r.reviewRequired(), r.countsAsFiled(), r.document(), r.clause());
    }

    static TypeRules withLock(TypeRules r, Period lock) {
        return new TypeRules(r.type(), r.regionCode(), r.name(), r.explanation(), r.requiredMaterials(),
                r.commitmentAllowed(), r.defaultValidity(), r.minValidity(), r.maxDaysInPast(), lock,
                r.reductionPoints(), r.reviewRequired(), r.countsAsFiled(), r.document(), r.clause());
    }

    /** A Shenyang resident filing for Fuzhou from today, with a reason and nothing else. */
    static Draft application(FilingType type) {
        return new Draft(type);
    }

    static final class Draft {
        private final FilingType type;
        private List<String> insured = SHENYANG;
        private List<String> destination = FUZHOU;
        private LocalDate start = TODAY;
        private LocalDate end;
        private String reason = "随子女异地居住";
        private boolean commitment;
        private LocalDate treatment;
        private Set<Material> materials = EnumSet.noneOf(Material.class);

        private Draft(FilingType type) {
            this.type = type;
        }

        Draft insured(String... path) {
            insured = List.of(path);
            return this;
        }

        Draft destination(String... path) {
            destination = List.of(path);
            return this;
        }

        Draft start(LocalDate date) {
            start = date;
            return this;
        }

        Draft end(LocalDate date) {
            end = date;
            return this;
        }

        Draft reason(String text) {
            reason = text;
            return this;
        }

        Draft commitment() {
            commitment = true;
            return this;
        }

        Draft treatedOn(LocalDate date) {
            treatment = date;
            return this;
        }

        Draft materials(Material... uploaded) {
            materials = Set.of(uploaded);
            return this;
        }

        FilingApplication build() {
            return new FilingApplication(type, insured, destination, start, end, reason, commitment, treatment,
                    materials);
        }
    }
}
