package cn.yibao.portal.filing.domain;

import cn.yibao.portal.web.domain.PlainText;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The filing rules, each a small function with a Chinese message naming the field it is about, and
 * {@link #decide} which applies them in order and chooses the first status.
 */
public final class FilingRules {

    private static final LocalDate OPEN_END = LocalDate.MAX;
    public static final int MAX_REASON_LENGTH = 200;

    private FilingRules() {
    }

    public record Violation(String field, String message) {
    }

    public sealed interface Decision permits Accepted, Refused {
    }

    /** EFFECTIVE at once, or UNDER_REVIEW when staff must check; the end date filled in from the defaults. */
    public record Accepted(FilingStatus status, LocalDate startDate, LocalDate endDate, List<String> notes)
            implements Decision {
    }

    public record Refused(Violation violation) implements Decision {
    }

    public static Decision decide(FilingApplication application, TypeRules rules, List<ExistingFiling> others,
                                  LocalDate today) {
        LocalDate end = endDate(application, rules);
        List<Optional<Violation>> checks = List.of(
                emergencyCountsAsFiled(rules),
                destinationIsAnotherPoolingArea(application),
                reasonGiven(application),
                commitmentOnlyWhereAllowed(application, rules),
                afterTheFactNeedsAPastTreatment(application, today),
                startNotTooFarBack(application, rules, today),
                endAfterStart(application.startDate(), end),
                minimumValidity(application.startDate(), end, rules),
                noOverlap(application.type().kind(), application.startDate(), end, others));
        for (Optional<Violation> check : checks) {
            if (check.isPresent()) {
                return new Refused(check.get());
            }
        }
        List<String> notes = new ArrayList<>();
        FilingStatus status = initialStatus(application, rules, notes);
        return new Accepted(status, application.startDate(), end, List.copyOf(notes));
    }

    /** 异地急诊抢救 counts as filed without any form (医保发〔2022〕22号). */
    static Optional<Violation> emergencyCountsAsFiled(TypeRules rules) {
        return rules.countsAsFiled()
                ? Optional.of(new Violation("type", rules.name() + "视同已备案，无需办理备案；结算时按规定报销。"))
                : Optional.empty();
    }

    /** 异地 means another pooling area: neither the insured region itself nor a region containing or inside it. */
    static Optional<Violation> destinationIsAnotherPoolingArea(FilingApplication application) {
        List<String> destination = application.destinationPath();
        List<String> insured = application.insuredRegionPath();
        if (destination.size() < 3) {
            return Optional.of(new Violation("destination", "请选择就医地所在的市（地区）。"));
        }
        // The pooling area is the city (地市级统筹): another county of the insured person's own city is not 异地.
        if (insured.size() >= 3 && cityOf(destination).equals(cityOf(insured))) {
            return Optional.of(new Violation("destination", "就医地不能在参保地所在的统筹地区（市）内，请选择参保地以外的地区。"));
        }
        return Optional.empty();
    }

    static Optional<Violation> reasonGiven(FilingApplication application) {
        if (application.reason() == null || application.reason().isBlank()) {
            return Optional.of(new Violation("reason", "请填写备案原因。"));
        }
        if (application.reason().strip().length() > MAX_REASON_LENGTH) {
            return Optional.of(new Violation("reason", "备案原因不能超过" + MAX_REASON_LENGTH + "字。"));
        }
        return PlainText.problem("备案原因", application.reason(), MAX_REASON_LENGTH + 1000)
                .map(problem -> new Violation("reason", problem));
    }

    /** The personal commitment letter (承诺制) replaces proof of residence for long-term filings only. */
    static Optional<Violation> commitmentOnlyWhereAllowed(FilingApplication application, TypeRules rules) {
        return application.commitment() && !rules.commitmentAllowed()
                ? Optional.of(new Violation("commitment", rules.name() + "不适用个人承诺制，请上传所需材料。"))
                : Optional.empty();
    }

    /** The city-level code of a county → national path (a city path starts with the city). */
    private static String cityOf(List<String> path) {
        return path.get(path.size() - 3);
    }

    /** 补办: the treatment already happened (not in the future) and the filing covers it. */
    static Optional<Violation> afterTheFactNeedsAPastTreatment(FilingApplication application, LocalDate today) {
        if (!application.afterTheFact()) {
            return Optional.empty();
        }
        if (application.treatmentDate().isAfter(today)) {
            return Optional.of(new Violation("treatmentDate", "补办备案的就医日期不能晚于今天。"));
        }
        if (application.startDate().isAfter(application.treatmentDate())) {
            return Optional.of(new Violation("startDate", "补办备案的开始日期不能晚于就医日期（" + application.treatmentDate() + "）。"));
        }
        if (application.endDate() != null && application.treatmentDate().isAfter(application.endDate())) {
            return Optional.of(new Violation("treatmentDate", "就医日期不在备案有效期内。"));
        }
        return Optional.empty();
    }

    static Optional<Violation> startNotTooFarBack(FilingApplication application, TypeRules rules, LocalDate today) {
        if (application.afterTheFact() || !application.startDate().isBefore(today.minusDays(rules.maxDaysInPast()))) {
            return Optional.empty();
        }
        return Optional.of(new Violation("startDate", rules.maxDaysInPast() == 0
                ? "开始日期不能早于今天；已经发生的就医请选择“补办备案”并填写就医日期。"
                : "开始日期最多可早于今天 " + rules.maxDaysInPast() + " 天；更早的就医请选择“补办备案”。"));
    }

    static Optional<Violation> endAfterStart(LocalDate start, LocalDate end) {
        return end != null && !end.isAfter(start)
                ? Optional.of(new Violation("endDate", "结束日期必须晚于开始日期。"))
                : Optional.empty();
    }

    /** Temporary filings are valid for at least the minimum (national: 6 months); the end date is included. */
    static Optional<Violation> minimumValidity(LocalDate start, LocalDate end, TypeRules rules) {
        if (rules.minValidity() == null || end == null) {
            return Optional.empty();
        }
        LocalDate earliestEnd = start.plus(rules.minValidity()).minusDays(1);
        return end.isBefore(earliestEnd)
                ? Optional.of(new Violation("endDate", rules.name() + "的有效期不少于" + describe(rules.minValidity())
                        + "，结束日期不能早于 " + earliestEnd + "。"))
                : Optional.empty();
    }

    /** No two open filings of the same kind (long-term / temporary) with overlapping periods. */
    static Optional<Violation> noOverlap(FilingKind kind, LocalDate start, LocalDate end, List<ExistingFiling> others) {
        LocalDate last = end == null ? OPEN_END : end;
        return others.stream()
                .filter(other -> other.status().isOpen() && other.type().kind() == kind)
                .filter(other -> !other.startDate().isAfter(last)
                        && !start.isAfter(other.endDate() == null ? OPEN_END : other.endDate()))
                .findFirst()
                .map(other -> new Violation("startDate", "与已有的" + (kind == FilingKind.LONG_TERM ? "长期" : "临时")
                        + "备案（" + other.startDate() + " 至 " + (other.endDate() == null ? "长期" : other.endDate())
                        + "）时间重叠，请先取消原备案或调整日期。"));
    }

    /** The given end date, else the type's default validity from the start, else open-ended (long-term). */
    public static LocalDate endDate(FilingApplication application, TypeRules rules) {
        if (application.endDate() != null) {
            return application.endDate();
        }
        return rules.defaultValidity() == null ? null : application.startDate().plus(rules.defaultValidity()).minusDays(1);
    }

    static FilingStatus initialStatus(FilingApplication application, TypeRules rules, List<String> notes) {
        boolean materialsComplete = application.materials().containsAll(rules.requiredMaterials())
                || (rules.commitmentAllowed() && application.commitment());
        if (!materialsComplete) {
            notes.add("材料不全，需经办机构审核：" + rules.requiredMaterials().stream().map(FilingRules::label)
                    .reduce((a, b) -> a + "、" + b).orElse("") + "。");
            return FilingStatus.UNDER_REVIEW;
        }
        if (rules.reviewRequired()) {
            notes.add("需经办机构审核转诊证明。");
            return FilingStatus.UNDER_REVIEW;
        }
        return FilingStatus.EFFECTIVE;
    }

    /** A long-term filing is locked against change for the region's lock period after it took effect. */
    public static Optional<Violation> cancellable(ExistingFiling filing, TypeRules rules, LocalDate today) {
        if (!filing.status().canBecome(FilingStatus.CANCELLED)) {
            return Optional.of(new Violation("status", "该备案当前状态不能取消。"));
        }
        if (filing.status() == FilingStatus.EFFECTIVE && filing.type().kind() == FilingKind.LONG_TERM
                && rules.lock() != null && filing.effectiveOn() != null
                && today.isBefore(filing.effectiveOn().plus(rules.lock()))) {
            return Optional.of(new Violation("status", "长期备案自生效之日起" + describe(rules.lock())
                    + "内不能变更或取消，可于 " + filing.effectiveOn().plus(rules.lock()) + " 起办理。"));
        }
        return Optional.empty();
    }

    public static String label(Material material) {
        return switch (material) {
            case RESIDENCE_PROOF -> "居住证明";
            case REFERRAL_CERTIFICATE -> "转诊证明";
            case WORK_PROOF -> "工作证明";
        };
    }

    public static String describe(Period period) {
        return period.getYears() == 0 && period.getDays() == 0 ? period.getMonths() + "个月" : period.toString();
    }
}
