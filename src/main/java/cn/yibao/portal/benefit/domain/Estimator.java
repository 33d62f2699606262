package cn.yibao.portal.benefit.domain;

import static cn.yibao.portal.shared.Money.yuan;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.RemoteCare;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.PhraseLists;
import cn.yibao.portal.shared.Verbatim;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the fund would pay for a bill, step by step: scope, deductible, ratio, remote-care reduction, annual cap and
 * what is left of it this year. Every figure is read three ways:
 * <ul>
 *   <li>the <b>ceiling</b> holds whatever the figures turn out to be: an unpublished, approximate or maximum
 *       deductible counts as 0, an unpublished, minimum or approximate (左右/平均) ratio as 100%, an unpublished,
 *       minimum or approximate cap as no cap;</li>
 *   <li>the <b>about</b> amount is the ceiling with a target-level ratio ("70%左右") taken at its value; it is what
 *       {@code fundPaysFen} shows when the ratio is such a level (bound APPROXIMATE), and it is no ceiling, because a
 *       bill may be paid above the overall level;</li>
 *   <li>the <b>floor</b>, where the figures give one, for an expense wholly within policy scope (a minimum ratio at its
 *       minimum, the largest remote reduction); a target level gives none.</li>
 * </ul>
 * Where ceiling and floor meet, the answer is exact.
 *
 * <p>Rounding: a percentage of an amount is rounded half up to the fen ({@code (fen × percent + 50) / 100}), the way
 * settlement receipts show fen; caps and deductibles are whole fen already. Pure: the caller passes the schedule of
 * the benefit year and what the fund has already paid this year.
 *
 * <p>{@link #run} is a list of named steps, each adding its {@link EstimateStep} (a {@link Phrase}
 * with the figure and what it means): scope, coverage, deductible, ratio, remote, cap, remaining cap, result, notes.
 */
public final class Estimator {

    /** 1000万元: far above any single bill; a larger amount is a typo, not a bill. */
    static final long MAX_EXPENSE_FEN = 1_000_000_000L;

    private final BenefitSchedule schedule;
    private final EstimateRequest request;
    private final long usedFen;
    private final CareSetting setting;
    private final List<EstimateStep> steps = new ArrayList<>();
    private final Set<Phrase> notes = new LinkedHashSet<>();
    /** Figures without a number, and how the ceiling treats each. */
    private final Map<Phrase, Phrase> unknown = new LinkedHashMap<>();
    /** Why an "about" amount may be lower than shown: figures it counts at their most favourable. */
    private final Set<Phrase> mayBeLess = new LinkedHashSet<>();
    /** The ratio is a target level (左右/平均): the answer is "about", not a ceiling. */
    private boolean approximate;
    /** The cap gives no floor at all (a maximum or target-level cap: the cap may be reached sooner than any figure). */
    private boolean capGivesNoFloor;
    /** The floor holds only while this year's fund payments stay under a cap whose amount is unknown. */
    private boolean floorAssumesCapNotReached;
    /**
     * Out of area with a target-level ratio: the "about" amount at the ratio lowered by the largest published reduction,
     * the low end of the headline's range ({@code null}: no range).
     */
    private Long aboutAtLargestReduction;

    Estimator(BenefitSchedule schedule, EstimateRequest request, long usedFen) {
        this.schedule = schedule;
        this.request = request;
        this.usedFen = usedFen;
        this.setting = request.setting();
    }

    /**
     * @param fundUsedThisYearFen what the fund has already paid this benefit year in the request's care setting
     *                            (counts against the annual cap); never negative, may exceed the cap (corrected
     *                            records), which leaves nothing
     * @throws InvalidEstimateRequest for input a resident can fix (the API answers 400)
     */
    public static Estimate estimate(BenefitSchedule schedule, EstimateRequest request, long fundUsedThisYearFen) {
        Objects.requireNonNull(schedule, "schedule");
        validate(request);
        if (fundUsedThisYearFen < 0) {
            throw new IllegalArgumentException("fund usage cannot be negative: " + fundUsedThisYearFen);
        }
        return new Estimator(schedule, request, fundUsedThisYearFen).run();
    }

    static void validate(EstimateRequest request) {
        if (request == null) {
            throw invalid("expenseFen", "estimator.invalid.expense");
        }
        if (request.setting() == null) {
            throw invalid("setting", "estimator.invalid.setting");
        }
        if (request.facilityLevel() == null) {
            throw invalid("facilityLevel", "estimator.invalid.facilityLevel");
        }
        if (request.remote() == null) {
            throw invalid("remote", "estimator.invalid.remote");
        }
        if (request.expenseFen() <= 0) {
            throw invalid("expenseFen", "estimator.invalid.expense.positive");
        }
        if (request.expenseFen() > MAX_EXPENSE_FEN) {
            throw invalid("expenseFen", "estimator.invalid.expense.tooLarge", yuan(MAX_EXPENSE_FEN / 10000));
        }
    }

    private static InvalidEstimateRequest invalid(String field, String key, Object... args) {
        return new InvalidEstimateRequest(field, Phrase.of(key, args));
    }

    private Estimate run() {
        long expense = request.expenseFen();
        scope(expense);
        coverage();
        Range entering = deductible(expense);
        Share share = remote(entering, ratio(entering));
        Range left = remainingCap(cap());
        return conclude(expense, share, left);
    }

    /** The fund's share under the cap left, its bound, and the RESULT step and notes that say it. */
    private Estimate conclude(long expense, Share share, Range left) {
        long most = clamp(Math.min(share.most(), upperOf(left)), expense);
        long about = Math.min(clamp(Math.min(share.about(), upperOf(left)), expense), most);
        Long least = share.least() == null || capGivesNoFloor ? null
                : Math.min(Math.min(share.least(), left.lower() == null ? Long.MAX_VALUE : left.lower()), about);
        boolean floorIsConditional = least != null && left.lower() == null && floorAssumesCapNotReached;
        Bound bound = bound(most, least, floorIsConditional);
        if (most == 0) {
            about = 0;
            least = 0L;
        }
        long fund = bound == Bound.APPROXIMATE ? about : most;
        long from = bound == Bound.APPROXIMATE && aboutAtLargestReduction != null
                ? Math.min(clamp(Math.min(aboutAtLargestReduction, upperOf(left)), expense), fund)
                : fund;
        Long atLeast = least != null && (least > 0 || most == 0) ? least : null;
        result(expense, from, fund, most, atLeast, bound);
        notes(bound, most, atLeast != null && floorIsConditional && bound != Bound.EXACT);
        return new Estimate(expense, fund, expense - fund, bound, atLeast, steps, List.copyOf(notes), most, from);
    }

    /** Exact where ceiling and floor meet (or nothing is paid), "about" for a target-level ratio, else a ceiling. */
    private Bound bound(long most, Long least, boolean floorIsConditional) {
        return bound(most, least, floorIsConditional, approximate);
    }

    static Bound bound(long most, Long least, boolean floorIsConditional, boolean approximate) {
        if (most == 0) {
            return Bound.EXACT;
        }
        if (approximate) {
            return Bound.APPROXIMATE;
        }
        return least != null && least == most && !floorIsConditional ? Bound.EXACT : Bound.AT_MOST;
    }

    private static long upperOf(Range range) {
        return range.upper() == null ? Long.MAX_VALUE : range.upper();
    }

    private static long clamp(long amount, long expense) {
        return Math.max(0, Math.min(amount, expense));
    }

    /** An amount with a ceiling and, where the figures give one, a floor ({@code null}: none). */
    record Range(Long upper, Long lower) {
    }

    /**
     * The fund's share before the cap: the ceiling, the "about" amount (the ceiling unless the ratio is a target
     * level), the floor, and the ratio the floor uses (for remote care).
     */
    record Share(long most, long about, Long least, Long floorRatio) {
    }

    private void add(String code, Phrase text, Object source, Long amountFen, Figure figure) {
        steps.add(new EstimateStep(code, Phrase.of("estimator.sourced", text, source), amountFen,
                figure == null ? null : figure.citation(), figure == null ? null : figure.standing()));
    }

    private void scope(long expense) {
        Phrase what = Phrase.of(setting == CareSetting.TWO_DISEASE ? "estimator.scope.twoDisease" : "estimator.scope.all");
        steps.add(new EstimateStep("SCOPE", Phrase.of("estimator.scope", yuan(expense), what), expense, null, null));
    }

    private void coverage() {
        if (setting != CareSetting.TWO_DISEASE) {
            return;
        }
        schedule.twoDiseaseCoverage().ifPresent(start -> {
            steps.add(new EstimateStep("COVERAGE", Phrase.of("estimator.coverage", BenefitLabels.date(start.from()),
                    BenefitLabels.source(start.regionName(), start.citation()),
                    new Verbatim(start.note() == null ? "" : start.note())), null,
                    start.citation(), Standing.EXACT));
            if (start.from().getYear() == schedule.benefitYear()
                    && !start.from().equals(LocalDate.of(schedule.benefitYear(), 1, 1))) {
                notes.add(Phrase.of("estimator.note.twoDiseaseFrom", schedule.benefitYear(),
                        BenefitLabels.date(start.from())));
            }
        });
    }

    /** What enters reimbursement after the deductible: the ceiling counts any deductible it cannot be sure of as 0. */
    private Range deductible(long expense) {
        Figure figure = schedule.deductible(setting, request.facilityLevel());
        Phrase name = Phrase.of("estimator.deductible.name", BenefitLabels.of(setting));
        long after = figure.known() ? Math.max(0, expense - figure.value()) : expense;
        Range entering = switch (figure.standing()) {
            case EXACT -> new Range(after, after);
            case MINIMUM -> new Range(after, null);
            case MAXIMUM -> new Range(expense, after);
            default -> new Range(expense, null);
        };
        add("DEDUCTIBLE", deductibleText(figure, name, expense, after), source(figure), entering.upper(), figure);
        return entering;
    }

    private Phrase deductibleText(Figure figure, Phrase name, long expense, long after) {
        return switch (figure.standing()) {
            case EXACT -> figure.value() == 0 ? Phrase.of("estimator.deductible.none", name, yuan(expense))
                    : Phrase.of("estimator.deductible.exact", name, figure.display(), yuan(after));
            case MINIMUM -> {
                mayBeLess.add(Phrase.of("estimator.less.deductibleHigher", yuan(figure.value())));
                yield Phrase.of("estimator.deductible.minimum", name, figure.display(), yuan(after));
            }
            case MAXIMUM -> {
                mayBeLess.add(Phrase.of("estimator.less.deductibleNotDeducted"));
                yield Phrase.of("estimator.deductible.maximum", name, figure.display(), yuan(after), yuan(expense));
            }
            case APPROXIMATE, AVERAGE -> {
                mayBeLess.add(Phrase.of("estimator.less.deductibleNotDeducted"));
                yield Phrase.of("estimator.deductible.level", name, figure.display(), yuan(expense));
            }
            default -> {
                Phrase why = why(figure);
                unknown.put(Phrase.of("estimator.unknown.deductible"), Phrase.of("estimator.assume.deductible"));
                mayBeLess.add(Phrase.of("estimator.less.deductibleUnknown", why));
                yield Phrase.of("estimator.deductible.unknown", name, why, figure.noteOrNothing(), yuan(expense));
            }
        };
    }

    private Share ratio(Range entering) {
        Figure figure = schedule.ratio(setting, request.facilityLevel());
        Phrase name = Phrase.of("estimator.ratio.name", BenefitLabels.of(setting), BenefitLabels.of(request.facilityLevel()));
        long base = entering.upper();
        Share share = switch (figure.standing()) {
            case EXACT -> new Share(percent(base, figure.value()), percent(base, figure.value()),
                    lowerOf(entering, figure.value()), figure.value());
            case APPROXIMATE, AVERAGE -> new Share(base, percent(base, figure.value()), null, null);
            case MINIMUM -> new Share(base, base, lowerOf(entering, figure.value()), figure.value());
            case MAXIMUM -> new Share(percent(base, figure.value()), percent(base, figure.value()), null, null);
            default -> new Share(base, base, null, null);
        };
        add("RATIO", ratioText(figure, name, entering, share), source(figure), share.about(), figure);
        return share;
    }

    private Phrase ratioText(Figure figure, Phrase name, Range entering, Share share) {
        long base = entering.upper();
        Long value = figure.value();
        return switch (figure.standing()) {
            case EXACT -> Phrase.of("estimator.ratio.exact", name, figure.display(), yuan(base), value,
                    yuan(share.most()));
            case APPROXIMATE, AVERAGE -> {
                approximate = true;
                yield Phrase.of("estimator.ratio.level", name, figure.display(), value, yuan(base), yuan(share.about()));
            }
            case MINIMUM -> Phrase.of("estimator.ratio.minimum", name, figure.display(), value,
                    entering.lower() == null ? "" : Phrase.of("estimator.ratio.minimum.floor", yuan(entering.lower()),
                            value, yuan(percent(entering.lower(), value))), yuan(base));
            case MAXIMUM -> Phrase.of("estimator.ratio.maximum", name, figure.display(), yuan(base), value,
                    yuan(share.most()));
            default -> {
                unknown.put(Phrase.of("estimator.unknown.ratio"), Phrase.of("estimator.assume.ratio"));
                yield Phrase.of("estimator.ratio.unknown", name, why(figure), figure.noteOrNothing(), yuan(base));
            }
        };
    }

    private static Long lowerOf(Range entering, Long ratio) {
        return entering.lower() == null || ratio == null ? null : percent(entering.lower(), ratio);
    }

    /**
     * Out of area: the ceiling stays (long-term filings keep the local ratio, and a reduction may be 0); the floor drops
     * by the most allowed; an "about" amount becomes a range, from the level lowered by the largest published reduction
     * to the local level (no reduction).
     */
    private Share remote(Range entering, Share share) {
        RemoteCare remote = request.remote();
        if (remote == RemoteCare.NONE) {
            return share;
        }
        List<RemoteReduction> applicable = schedule.remoteReductions().stream()
                .filter(r -> (remote == RemoteCare.UNFILED_TEMPORARY) == RemoteReduction.OTHER_TEMPORARY.equals(r.filingType()))
                .toList();
        Optional<RemoteReduction> largest = applicable.stream().max(Comparator.comparingInt(RemoteReduction::maxPoints));
        Phrase situation = Phrase.of(remote == RemoteCare.FILED ? "estimator.remote.filed" : "estimator.remote.unfiled");
        if (largest.isEmpty()) {
            if (approximate) {
                mayBeLess.add(Phrase.of("estimator.less.remote"));
            }
            unknown.put(Phrase.of("estimator.unknown.remote"), Phrase.of("estimator.assume.remote"));
            steps.add(new EstimateStep("REMOTE", Phrase.of("estimator.remote.noReduction", situation,
                    Phrase.of(approximate ? "estimator.remote.noReduction.about" : "estimator.remote.noReduction.noFloor")),
                    null, null, Standing.UNPUBLISHED));
            return new Share(share.most(), share.about(), null, null);
        }
        return reduced(entering, share, situation, applicable, largest.get());
    }

    private Share reduced(Range entering, Share share, Phrase situation, List<RemoteReduction> applicable,
                          RemoteReduction used) {
        int points = used.maxPoints();
        Object reductions = PhraseLists.series(applicable.stream()
                .map(r -> Phrase.of("estimator.remote.reduction", r.label(), r.maxPoints())).toList());
        Long floorRatio = share.floorRatio() == null ? null : Math.max(0, share.floorRatio() - points);
        Long lower = lowerOf(entering, floorRatio);
        Long stepAmount = lower;
        Phrase consequence;
        if (floorRatio != null) {
            consequence = lower == null
                    ? Phrase.of("estimator.remote.floor", share.floorRatio(), points, floorRatio)
                    : Phrase.of("estimator.remote.floor.amount", share.floorRatio(), points, floorRatio,
                            yuan(entering.lower()), yuan(lower));
        } else if (approximate) {
            long level = schedule.ratio(setting, request.facilityLevel()).value();
            long reduced = Math.max(0, level - points);
            aboutAtLargestReduction = percent(entering.upper(), reduced);
            stepAmount = aboutAtLargestReduction;
            consequence = Phrase.of("estimator.remote.about", level, points, reduced, yuan(aboutAtLargestReduction),
                    yuan(share.about()));
        } else {
            consequence = Phrase.of("estimator.remote.noFloor");
        }
        steps.add(new EstimateStep("REMOTE", Phrase.of("estimator.remote", situation, reductions, consequence,
                BenefitLabels.source(null, used.citation())), stepAmount, used.citation(), Standing.MAXIMUM));
        return new Share(share.most(), share.about(), lower, floorRatio);
    }

    /** The annual cap as the estimate reads it: its ceiling and floor ({@code null}: none), and the figure. */
    record CapReading(Figure figure, Long upper, Long lower) {
    }

    /** The annual cap: a ceiling, a floor, both (exact) or neither, and the CAP step that says which. */
    private CapReading cap() {
        Figure figure = schedule.annualCap(setting);
        Phrase name = Phrase.of("estimator.cap.name", BenefitLabels.of(setting));
        CapReading reading = switch (figure.standing()) {
            case EXACT -> new CapReading(figure, figure.value(), figure.value());
            case MINIMUM -> new CapReading(figure, null, figure.value());
            case MAXIMUM -> new CapReading(figure, figure.value(), null);
            default -> new CapReading(figure, null, null);
        };
        add("CAP", capText(figure, name), source(figure), figure.value(), figure);
        return reading;
    }

    private Phrase capText(Figure figure, Phrase name) {
        return switch (figure.standing()) {
            case EXACT -> Phrase.of("estimator.cap.exact", name, figure.display());
            case MINIMUM -> {
                mayBeLess.add(Phrase.of("estimator.less.noCap"));
                yield Phrase.of("estimator.cap.minimum", name, figure.display(), yuan(figure.value()));
            }
            case MAXIMUM -> {
                capGivesNoFloor = true;
                mayBeLess.add(Phrase.of("estimator.less.capLower"));
                yield Phrase.of("estimator.cap.maximum", name, figure.display(), yuan(figure.value()));
            }
            case APPROXIMATE, AVERAGE -> {
                capGivesNoFloor = true;
                mayBeLess.add(Phrase.of("estimator.less.noCap"));
                yield Phrase.of("estimator.cap.level", name, figure.display());
            }
            default -> {
                floorAssumesCapNotReached = true;
                unknown.put(Phrase.of("estimator.unknown.cap"), Phrase.of("estimator.assume.cap"));
                mayBeLess.add(Phrase.of("estimator.less.capUnknown", why(figure)));
                yield Phrase.of("estimator.cap.unknown", name, why(figure), figure.noteOrNothing());
            }
        };
    }

    /** What is left of the cap this year after what the fund has already paid, and the REMAINING_CAP step. */
    private Range remainingCap(CapReading cap) {
        Long upper = cap.upper() == null ? null : Math.max(0, cap.upper() - usedFen);
        Long lower = cap.lower() == null ? null : Math.max(0, cap.lower() - usedFen);
        Phrase used = Phrase.of("estimator.used", BenefitLabels.of(setting), yuan(usedFen));
        steps.add(new EstimateStep("REMAINING_CAP", remainingText(cap, used, upper, lower),
                upper != null ? upper : lower, cap.figure().citation(), cap.figure().standing()));
        return new Range(upper, lower);
    }

    private Phrase remainingText(CapReading cap, Phrase used, Long upper, Long lower) {
        Figure figure = cap.figure();
        boolean exact = figure.standing() == Standing.EXACT;
        if (upper != null && upper == 0) {
            Phrase capText = exact ? Phrase.of("estimator.capText.exact", yuan(cap.upper()))
                    : Phrase.of("estimator.capText.other", figure.display());
            return Phrase.of("estimator.remaining.none", used,
                    Phrase.of(usedFen > cap.upper() ? "estimator.remaining.over" : "estimator.remaining.reached"), capText);
        }
        if (upper != null) {
            return Phrase.of("estimator.remaining.upper", used, exact ? "" : Phrase.of("estimator.remaining.atMost"),
                    yuan(upper));
        }
        if (lower != null) {
            return lower == 0 ? Phrase.of("estimator.remaining.lowerReached", used, yuan(cap.lower()))
                    : Phrase.of("estimator.remaining.lower", used, yuan(cap.lower()), yuan(lower));
        }
        return Phrase.of("estimator.remaining.unknown", used,
                Phrase.of(figure.known() ? "estimator.remaining.notFixed" : "estimator.remaining.unknownCap"));
    }

    /** {@code from} below {@code fund} only for an "about" range out of area. */
    private void result(long expense, long from, long fund, long most, Long atLeast, Bound bound) {
        Phrase text = switch (bound) {
            case EXACT -> Phrase.of("estimator.result.exact", yuan(fund), yuan(expense - fund));
            case AT_MOST -> Phrase.of("estimator.result.atMost", yuan(fund),
                    atLeast == null ? "" : Phrase.of("estimator.result.atLeast", yuan(atLeast)), yuan(expense - fund));
            case APPROXIMATE -> Phrase.of("estimator.result.about", range(from, fund),
                    mayBeLess.isEmpty() ? "" : Phrase.of("estimator.result.mayBeLess", PhraseLists.clauses(List.copyOf(mayBeLess))),
                    most > fund && most < expense ? Phrase.of("estimator.result.atMostToo", yuan(most)) : "",
                    range(expense - fund, expense - from));
        };
        steps.add(new EstimateStep("RESULT", text, fund, null, null));
    }

    /** "5000至7000", or one amount where the ends meet. */
    private static Object range(long low, long high) {
        return low < high ? Phrase.of("estimator.range", yuan(low), yuan(high)) : yuan(high);
    }

    private void notes(Bound bound, long most, boolean floorAssumesCapNotReached) {
        // When the fund certainly pays nothing (cap used up, bill under the deductible), missing figures change nothing.
        if (!unknown.isEmpty() && most > 0) {
            notes.add(Phrase.of(bound == Bound.APPROXIMATE ? "estimator.note.unknown.about"
                    : "estimator.note.unknown.atMost", new Verbatim(schedule.regionName()), schedule.benefitYear(),
                    BenefitLabels.of(setting), PhraseLists.series(List.copyOf(unknown.keySet())),
                    PhraseLists.series(List.copyOf(unknown.values()))));
        }
        if (floorAssumesCapNotReached) {
            notes.add(Phrase.of("estimator.note.floorAssumesCap", BenefitLabels.of(setting)));
        }
        if (bound == Bound.APPROXIMATE) {
            notes.add(Phrase.of("estimator.note.level", yuan(most)));
        }
        notes.add(Phrase.of("estimator.note.reference"));
    }

    private static Phrase why(Figure figure) {
        return Phrase.of(figure.standing() == Standing.LOCAL_CHOICE ? "estimator.why.local" : "estimator.why.unpublished");
    }

    private static Object source(Figure figure) {
        return figure.standing() == Standing.UNPUBLISHED ? "" : BenefitLabels.source(figure.regionName(), figure.citation());
    }

    /** Half up to the fen. */
    static long percent(long fen, long percent) {
        return (fen * percent + 50) / 100;
    }
}
