package cn.yibao.portal.filing.domain;

import cn.yibao.portal.web.api.PlainText;
import cn.yibao.portal.filing.api.TypeRules;
import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The filing rules, each a small function with a message ({@code filing.refused.*}) naming the field it is about, and
 * {@link #decide} which applies them in order and chooses the first status.
 */
public final class FilingRules {

    private static final LocalDate OPEN_END = LocalDate.MAX;
    public static final int MAX_REASON_LENGTH = 200;

    private FilingRules() {
    }

    public record Violation(String field, Phrase message) {
    }

    public sealed interface Decision permits Accepted, Refused {
    }

    /** EFFECTIVE at once, or UNDER_REVIEW when staff must check; the end date filled in from the defaults. */
    public record Accepted(FilingStatus status, LocalDate startDate, LocalDate endDate, List<Phrase> notes)
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
        List<Phrase> notes = new ArrayList<>();
        FilingStatus status = initialStatus(application, rules, notes);
        return new Accepted(status, application.startDate(), end, List.copyOf(notes));
    }

    /** 异地急诊抢救 counts as filed without any form (医保发〔2022〕22号). */
    static Optional<Violation> emergencyCountsAsFiled(TypeRules rules) {
        return rules.countsAsFiled()
                ? Optional.of(new Violation("type", Phrase.of("filing.refused.countsAsFiled", rules.label())))
                : Optional.empty();
    }

    /** 异地 means another pooling area: neither the insured region itself nor a region containing or inside it. */
    static Optional<Violation> destinationIsAnotherPoolingArea(FilingApplication application) {
        List<String> destination = application.destinationPath();
        List<String> insured = application.insuredRegionPath();
        if (destination.size() < 3) {
            return Optional.of(new Violation("destination", Phrase.of("filing.refused.destination.city")));
        }
        // The pooling area is the city (地市级统筹): another county of the insured person's own city is not 异地.
        if (insured.size() >= 3 && cityOf(destination).equals(cityOf(insured))) {
            return Optional.of(new Violation("destination", Phrase.of("filing.refused.destination.sameArea")));
        }
        return Optional.empty();
    }

    static Optional<Violation> reasonGiven(FilingApplication application) {
        if (application.reason() == null || application.reason().isBlank()) {
            return Optional.of(new Violation("reason", Phrase.of("filing.refused.reason.missing")));
        }
        if (application.reason().strip().length() > MAX_REASON_LENGTH) {
            return Optional.of(new Violation("reason", Phrase.of("filing.refused.reason.tooLong", MAX_REASON_LENGTH)));
        }
        return PlainText.check(Phrase.of("filing.field.reason"), application.reason(), MAX_REASON_LENGTH + 1000)
                .map(problem -> new Violation("reason", problem));
    }

    /** The personal commitment letter (承诺制) replaces proof of residence for long-term filings only. */
    static Optional<Violation> commitmentOnlyWhereAllowed(FilingApplication application, TypeRules rules) {
        return application.commitment() && !rules.commitmentAllowed()
                ? Optional.of(new Violation("commitment", Phrase.of("filing.refused.commitment", rules.label())))
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
            return Optional.of(new Violation("treatmentDate", Phrase.of("filing.refused.treatment.future")));
        }
        if (application.startDate().isAfter(application.treatmentDate())) {
            return Optional.of(new Violation("startDate", Phrase.of("filing.refused.treatment.beforeStart",
                    application.treatmentDate())));
        }
        if (application.endDate() != null && application.treatmentDate().isAfter(application.endDate())) {
            return Optional.of(new Violation("treatmentDate", Phrase.of("filing.refused.treatment.outside")));
        }
        return Optional.empty();
    }

    static Optional<Violation> startNotTooFarBack(FilingApplication application, TypeRules rules, LocalDate today) {
        if (application.afterTheFact() || !application.startDate().isBefore(today.minusDays(rules.maxDaysInPast()))) {
            return Optional.empty();
        }
        return Optional.of(new Violation("startDate", rules.maxDaysInPast() == 0
                ? Phrase.of("filing.refused.start.past")
                : Phrase.of("filing.refused.start.tooFarBack", rules.maxDaysInPast())));
    }

    static Optional<Violation> endAfterStart(LocalDate start, LocalDate end) {
        return end != null && !end.isAfter(start)
                ? Optional.of(new Violation("endDate", Phrase.of("filing.refused.end.beforeStart")))
                : Optional.empty();
    }

    /** Temporary filings are valid for at least the minimum (national: 6 months); the end date is included. */
    static Optional<Violation> minimumValidity(LocalDate start, LocalDate end, TypeRules rules) {
        if (rules.minValidity() == null || end == null) {
            return Optional.empty();
        }
        LocalDate earliestEnd = start.plus(rules.minValidity()).minusDays(1);
        return end.isBefore(earliestEnd)
                ? Optional.of(new Violation("endDate", Phrase.of("filing.refused.end.minValidity", rules.label(),
                        describe(rules.minValidity()), earliestEnd)))
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
                .map(other -> new Violation("startDate", Phrase.of("filing.refused.overlap",
                        Phrase.of("filing.kind." + kind.name()), other.startDate(),
                        other.endDate() == null ? Phrase.of("filing.period.longTerm") : other.endDate())));
    }

    /** The given end date, else the type's default validity from the start, else open-ended (long-term). */
    public static LocalDate endDate(FilingApplication application, TypeRules rules) {
        if (application.endDate() != null) {
            return application.endDate();
        }
        return rules.defaultValidity() == null ? null : application.startDate().plus(rules.defaultValidity()).minusDays(1);
    }

    static FilingStatus initialStatus(FilingApplication application, TypeRules rules, List<Phrase> notes) {
        boolean materialsComplete = application.materials().containsAll(rules.requiredMaterials())
                || (rules.commitmentAllowed() && application.commitment());
        if (!materialsComplete) {
            notes.add(incomplete(rules.requiredMaterials()));
            return FilingStatus.UNDER_REVIEW;
        }
        if (rules.reviewRequired()) {
            notes.add(Phrase.of("filing.note.referral"));
            return FilingStatus.UNDER_REVIEW;
        }
        return FilingStatus.EFFECTIVE;
    }

    /** A long-term filing is locked against change for the region's lock period after it took effect. */
    public static Optional<Violation> cancellable(ExistingFiling filing, TypeRules rules, LocalDate today) {
        if (!filing.status().canBecome(FilingStatus.CANCELLED)) {
            return Optional.of(new Violation("status", Phrase.of("filing.refused.cancel.status")));
        }
        if (filing.status() == FilingStatus.EFFECTIVE && filing.type().kind() == FilingKind.LONG_TERM
                && rules.lock() != null && filing.effectiveOn() != null
                && today.isBefore(filing.effectiveOn().plus(rules.lock()))) {
            return Optional.of(new Violation("status", Phrase.of("filing.refused.cancel.locked", describe(rules.lock()),
                    filing.effectiveOn().plus(rules.lock()))));
        }
        return Optional.empty();
    }

    /** "材料不全，需经办机构审核：居住证明、转诊证明。" */
    public static Phrase incomplete(Collection<Material> required) {
        return Phrase.of("filing.note.incomplete", Phrase.of("filing.materials." + required.size(),
                required.stream().sorted().map(FilingRules::label).toArray()));
    }

    public static Phrase label(Material material) {
        return Phrase.of("filing.material." + material.name());
    }

    /** "6个月" for whole months, else the ISO period as written. */
    public static Phrase describe(Period period) {
        return period.getYears() == 0 && period.getDays() == 0 ? Phrase.of("filing.months", period.getMonths())
                : Phrase.of("filing.period.iso", period.toString());
    }
}
