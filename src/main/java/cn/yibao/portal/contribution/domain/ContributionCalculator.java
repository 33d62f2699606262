package cn.yibao.portal.contribution.domain;

import static cn.yibao.portal.shared.Money.yuan;

import cn.yibao.portal.contribution.api.DueStanding;
import cn.yibao.portal.contribution.api.Quote;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.policy.api.FigureKind;
import cn.yibao.portal.policy.api.Parameter;
import cn.yibao.portal.policy.api.PolicyCatalog;
import cn.yibao.portal.policy.api.PolicyFigure;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import cn.yibao.portal.shared.DateRange;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.PhraseLists;
import cn.yibao.portal.shared.Region;
import cn.yibao.portal.shared.Verbatim;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The contribution rule: what a person owes for a benefit year after any assistance, whether they can pay it here on
 * a given day, and from when they are covered. Every figure and route comes from the policy catalog with its
 * citation; where the documents publish none, the quote says so instead of inventing one.
 *
 * <p>Money is taken only for a published exact local amount ({@link DueStanding#EXACT}) of a region the portal
 * serves, on a day the documents open for paying — inside the published collection window, or on a late route the
 * region's own documents open — and only while a benefit day is left. A floor, an average, a national figure or an
 * unpublished assistance amount is shown for information, with where the payment is made instead.
 *
 * <p>{@link #calculate} first runs the named checks of the request in order ({@link #chooseGrade}, {@link
 * #findNewStudentRule}, {@link #checkEventDate}, {@link #checkNewborn}, {@link #findStandard}), the first refusal
 * winning; then it explains the standard, the assistance, the
 * subsidy and add-ons, the route and its benefit period, and why it cannot be paid here if it cannot. Every sentence
 * is a {@link Phrase}; names of places and documents go in as {@link Verbatim}.
 */
public final class ContributionCalculator {

    private static final String ALL = "ALL";

    private final QuoteRequest request;
    private final PolicyCatalog catalog;
    private final List<String> path;
    private final int year;
    private final LocalDate yearStart;
    private final LocalDate yearEnd;
    private final DateRange window;
    private final Set<Citation> citations = new LinkedHashSet<>();
    private final List<Phrase> notes = new ArrayList<>();
    private final List<Phrase> steps = new ArrayList<>();
    /** Set by the checks. */
    private Integer grade;
    private Optional<PolicyFigure> newStudent = Optional.empty();
    private PolicyFigure standard;

    ContributionCalculator(QuoteRequest request, PolicyCatalog catalog) {
        this.request = request;
        this.catalog = catalog;
        this.path = request.regionCodes();
        this.year = request.benefitYear();
        this.yearStart = LocalDate.of(year, 1, 1);
        this.yearEnd = LocalDate.of(year, 12, 31);
        this.window = catalog.find(Parameter.COLLECTION_WINDOW, year, path, ALL).map(PolicyFigure::dateRange)
                .orElse(null);
        this.grade = request.grade();
    }

    public static QuoteResult quote(QuoteRequest request, PolicyCatalog catalog) {
        return new ContributionCalculator(request, catalog).calculate();
    }

    /**
     * Whether the route the person takes opens on the pay date, and the benefit period it buys. A closed route says
     * how: no benefit day is left at all, the documents close that day, or the portal cannot tell (no published
     * window) and the payment is made through the region's own channels.
     */
    record Coverage(Closed closed, Phrase reason, LocalDate start, LocalDate end) {

        enum Closed { NO, NO_BENEFIT_LEFT, NOT_THAT_DAY, CANNOT_TELL }

        static Coverage open(LocalDate start, LocalDate end) {
            return new Coverage(Closed.NO, null, start, end);
        }

        static Coverage closed(Closed how, Phrase reason) {
            return new Coverage(how, reason, null, null);
        }

        boolean isOpen() {
            return closed == Closed.NO;
        }
    }

    /** The person's assisted-enrolment deduction, and whether the documents publish it. */
    record Assistance(long fen, boolean published, boolean full) {
    }

    private QuoteResult calculate() {
        for (Supplier<QuoteResult> check : List.<Supplier<QuoteResult>>of(this::chooseGrade, this::findNewStudentRule,
                this::checkEventDate, this::checkNewborn, this::findStandard)) {
            QuoteResult refused = check.get();
            if (refused != null) {
                return refused;
            }
        }
        long standardFen = standard.amountFen();
        explainStandard();
        Assistance assistance = assistance(standardFen);
        long dueFen = standardFen - assistance.fen();
        DueStanding standing = standing(standard, assistance);
        steps.add(dueStep(standing, standardFen, assistance.fen(), dueFen));
        Long subsidyFen = subsidy();
        List<AddOn> addOns = addOns();
        explainResidencePermitAndWindow();
        Optional<PolicyFigure> newStudentPeriod = newStudentPeriod();
        Coverage coverage = newStudentPeriod.map(found -> newStudentCoverage(found.dateRange()))
                .orElseGet(this::coverage);
        Refusal refusal = refusal(coverage, standard, standing);
        explainOutcome(coverage, refusal, newStudentPeriod.isPresent());
        boolean payable = refusal == null;
        return new QuoteResult.Quoted(new Quote(request.region().code(), request.region().name(), year, standardFen,
                assistance.fen(), dueFen, subsidyFen, addOns, payable, payable ? null : refusal.reason(), window,
                payable ? coverage.start() : null, payable ? coverage.end() : null, grade,
                request.category() == Category.ADULT ? catalog.adultGrades(year, path) : List.of(),
                List.copyOf(citations), List.copyOf(notes), List.copyOf(steps), standing,
                headline(standing, standardFen, dueFen), payable ? null : refusal.whereToPay()));
    }

    /**
     * Why the quote cannot be paid here, and where instead when the portal merely cannot take the payment
     * ({@code whereToPay} null when it cannot be made that day at all); {@code aboutTheWindow}: the reason is the
     * unpublished collection window.
     */
    record Refusal(Phrase reason, Phrase whereToPay, boolean aboutTheWindow) {

        static Refusal elsewhere(Phrase why, Phrase where, boolean aboutTheWindow) {
            return new Refusal(Phrase.of("contribution.refusal.payElsewhere", why, where), where, aboutTheWindow);
        }
    }

    /**
     * The first reason that applies, {@code null} for none: no cover left to buy at all; then what the portal cannot
     * charge (a region it does not serve, an amount that is not a published exact one); then the day.
     */
    Refusal refusal(Coverage coverage, PolicyFigure standard, DueStanding standing) {
        if (coverage.closed() == Coverage.Closed.NO_BENEFIT_LEFT) {
            return new Refusal(coverage.reason(), null, false);
        }
        if (!catalog.hasLocalDocument(path)) {
            return Refusal.elsewhere(notServed(standing), whereToPay(), false);
        }
        if (standing != DueStanding.EXACT) {
            return Refusal.elsewhere(notPublished(standard, standing), whereToPay(), false);
        }
        return switch (coverage.closed()) {
            case NO -> null;
            case CANNOT_TELL -> Refusal.elsewhere(coverage.reason(), whereToPay(), true);
            case NOT_THAT_DAY, NO_BENEFIT_LEFT -> new Refusal(coverage.reason(), null, false);
        };
    }

    private List<String> standardKeys(Integer chosen) {
        return chosen != null
                ? List.of(PolicyCatalog.gradeKey(chosen), Category.ADULT.name(), ALL)
                : List.of(request.category().name(), ALL);
    }

    // --- the checks: who may take a route ---------------------------------------------------------------------

    /** A chosen grade must be one the region publishes, for an adult; an adult who chose none pays the first. */
    QuoteResult.Rejected chooseGrade() {
        List<Integer> grades = catalog.adultGrades(year, path);
        if (grade != null) {
            if (grades.isEmpty()) {
                return new QuoteResult.Rejected("grade", Phrase.of("contribution.grade.unpublished", region(), year));
            }
            if (request.category() != Category.ADULT) {
                return new QuoteResult.Rejected("grade", Phrase.of("contribution.grade.adultsOnly",
                        Labels.of(request.category())));
            }
            if (!grades.contains(grade)) {
                return new QuoteResult.Rejected("grade", Phrase.of("contribution.grade.notOffered",
                        PhraseLists.series(grades)));
            }
        } else if (!grades.isEmpty() && request.category() == Category.ADULT) {
            grade = grades.get(0);
            notes.add(Phrase.of("contribution.grade.default", grade, PhraseLists.series(grades)));
        }
        return null;
    }

    /** A new student pays by the new-student rule where the region has one for their category. */
    QuoteResult.Rejected findNewStudentRule() {
        if (!request.newStudent()) {
            return null;
        }
        newStudent = catalog.find(Parameter.NEW_STUDENT_CONTRIBUTION, year, path,
                List.of(request.category().name(), ALL));
        if (newStudent.isPresent()) {
            return null;
        }
        QuoteResult.Rejected notForThisCategory = newStudentOnlyForOthers();
        if (notForThisCategory == null) {
            notes.add(Phrase.of("contribution.newStudent.noRule", region(), year));
        }
        return notForThisCategory;
    }

    /** The region has a new-student rule, but for other categories (e.g. students, not adults): refused. */
    private QuoteResult.Rejected newStudentOnlyForOthers() {
        List<PolicyFigure> others = catalog.all(Parameter.NEW_STUDENT_CONTRIBUTION, year, path);
        if (others.isEmpty()) {
            return null;
        }
        List<Phrase> who = others.stream().map(PolicyFigure::appliesTo).distinct()
                .map(key -> ALL.equals(key) ? Phrase.of("contribution.students") : Labels.of(Category.valueOf(key)))
                .toList();
        return new QuoteResult.Rejected("newStudent", Phrase.of("contribution.newStudent.onlyFor",
                PhraseLists.series(who), cite(others.get(0)), Labels.of(request.category())));
    }

    /** The day of leaving another scheme, moving in or birth cannot be after the day of paying. */
    QuoteResult.Rejected checkEventDate() {
        LocalDate event = request.eventDate();
        if (event == null || !event.isAfter(request.payDate())) {
            return null;
        }
        return switch (request.enrolment()) {
            case LEFT_OTHER_SCHEME -> new QuoteResult.Rejected("leftOn", Phrase.of("contribution.eventDate.leftOn"));
            case MOVED_IN -> new QuoteResult.Rejected("movedOn", Phrase.of("contribution.eventDate.movedOn"));
            case NEWBORN -> new QuoteResult.Rejected("birthDate", Phrase.of("contribution.eventDate.birthDate"));
            case REGULAR -> null;
        };
    }

    /**
     * Who is a newborn for the benefit year (新生儿落地参保, 文医保发〔2023〕10号 一（三）): a child born in the year, or
     * born after the year's collection window opened — a child born before it could have enrolled in the window. An
     * older child, an adult or a college student is not, wherever they live.
     */
    QuoteResult.Rejected checkNewborn() {
        if (request.enrolment() != Enrolment.NEWBORN) {
            return null;
        }
        if (request.category() != Category.MINOR) {
            return new QuoteResult.Rejected("category", Phrase.of("contribution.newborn.notMinor",
                    Labels.of(Category.MINOR), Labels.of(request.category())));
        }
        LocalDate birth = request.eventDate();
        if (birth.isBefore(newbornsFrom())) {
            return new QuoteResult.Rejected("birthDate", Phrase.of("contribution.newborn.tooEarly", birth, year,
                    newbornDefinition()));
        }
        if (birth.isAfter(yearEnd)) {
            return new QuoteResult.Rejected("birthDate", Phrase.of("contribution.newborn.tooLate", birth, year));
        }
        return null;
    }

    /** The personal contribution standard of the category (or grade, or new-student rule) must be published. */
    QuoteResult.NoPolicy findStandard() {
        Integer chosenGrade = grade;
        Optional<PolicyFigure> found = newStudent.or(() -> catalog.find(Parameter.PERSONAL_CONTRIBUTION, year, path,
                standardKeys(chosenGrade)));
        if (found.isEmpty()) {
            return new QuoteResult.NoPolicy("year", Phrase.of("contribution.standard.none", region(), year,
                    Labels.of(request.category())));
        }
        standard = found.get();
        return null;
    }

    private LocalDate newbornsFrom() {
        return window != null && window.start().isBefore(yearStart) ? window.start() : yearStart;
    }

    private Phrase newbornDefinition() {
        LocalDate from = newbornsFrom();
        return Phrase.of(from.equals(yearStart) ? "contribution.newborn.definition.year"
                : "contribution.newborn.definition.window", year, from);
    }

    // --- the standard, assistance and what the amount is --------------------------------------------------------

    private void explainStandard() {
        use(standard, Phrase.of(newStudent.isPresent() ? "contribution.step.newStudentStandard"
                : "contribution.step.standard", yuan(standard.amountFen()), Labels.qualifier(standard.kind())));
        if (!standard.regionCode().equals(request.region().code())) {
            notes.add(Phrase.of("contribution.note.borrowedStandard", region(), regionOf(standard.regionCode()),
                    Labels.qualifier(standard.kind())));
        }
        if (standard.kind() == FigureKind.MINIMUM) {
            notes.add(Phrase.of("contribution.note.minimum"));
        } else if (standard.kind() == FigureKind.AVERAGE) {
            notes.add(Phrase.of("contribution.note.average"));
        }
        catalog.localChoices(Parameter.PERSONAL_CONTRIBUTION, year, path).forEach(choice -> {
            citations.add(choice.citation());
            notes.add(Phrase.of("contribution.note.localChoice", new Verbatim(choice.citation().document()),
                    choice.note().isBlank() ? Phrase.of("contribution.note.localChoice.default")
                            : new Verbatim(choice.note())));
        });
    }

    Assistance assistance(long standardFen) {
        AssistanceStatus group = request.assistance();
        if (group == AssistanceStatus.NONE) {
            return new Assistance(0, true, false);
        }
        Optional<PolicyFigure> found = catalog.find(Parameter.ASSISTANCE, year, path, group.name());
        if (found.isEmpty()) {
            catalog.localChoices(Parameter.ASSISTANCE, year, path).stream()
                    .filter(line -> line.appliesTo().equals(group.name()) || line.appliesTo().equals(ALL))
                    .sorted(Comparator.comparingInt(line -> path.indexOf(line.regionCode())))
                    .forEach(line -> {
                        citations.add(line.citation());
                        notes.add(Phrase.of("contribution.note.cited", cite(line), new Verbatim(line.note())));
                    });
            notes.add(Phrase.of("contribution.note.assistanceUnpublished", region(), year, Labels.of(group)));
            steps.add(Phrase.of("contribution.step.assistanceUnpublished", Labels.of(group), region()));
            return new Assistance(0, false, false);
        }
        PolicyFigure figure = found.get();
        long assistanceFen = figure.isFull() ? standardFen : Math.min(figure.amountFen(), standardFen);
        use(figure, Phrase.of(figure.isFull() ? "contribution.step.assistance.full" : "contribution.step.assistance.fixed",
                Labels.of(group), yuan(assistanceFen)));
        return new Assistance(assistanceFen, true, figure.isFull());
    }

    /**
     * Full assistance makes the amount owed exactly 0 whatever the standard; otherwise the amount is only as exact as
     * the standard (a local EXACT figure, not a national one) and the assistance.
     */
    static DueStanding standing(PolicyFigure standard, Assistance assistance) {
        if (assistance.full()) {
            return DueStanding.EXACT;
        }
        if (Region.NATIONAL.equals(standard.regionCode())) {
            return DueStanding.NATIONAL_STANDARD;
        }
        DueStanding ofStandard = switch (standard.kind()) {
            case EXACT -> DueStanding.EXACT;
            case MINIMUM -> DueStanding.MINIMUM;
            case MAXIMUM -> DueStanding.MAXIMUM;
            case APPROXIMATE -> DueStanding.APPROXIMATE;
            case AVERAGE -> DueStanding.AVERAGE;
            case LOCAL_CHOICE -> throw new IllegalStateException("a LOCAL_CHOICE has no amount");
        };
        return ofStandard == DueStanding.EXACT && !assistance.published() ? DueStanding.ASSISTANCE_UNPUBLISHED
                : ofStandard;
    }

    private Phrase dueStep(DueStanding standing, long standardFen, long assistanceFen, long dueFen) {
        if (standing == DueStanding.EXACT) {
            return Phrase.of("contribution.step.due", yuan(standardFen), yuan(assistanceFen), yuan(dueFen));
        }
        return Phrase.of(standing == DueStanding.ASSISTANCE_UNPUBLISHED ? "contribution.step.due.assistanceUnpublished"
                : "contribution.step.due.localUnpublished", region());
    }

    private Long subsidy() {
        Optional<PolicyFigure> subsidy = catalog.find(Parameter.FISCAL_SUBSIDY, year, path, ALL);
        if (subsidy.isEmpty()) {
            notes.add(Phrase.of("contribution.note.subsidyUnpublished", region(), year));
            return null;
        }
        use(subsidy.get(), Phrase.of("contribution.step.subsidy", yuan(subsidy.get().amountFen()),
                Labels.qualifier(subsidy.get().kind())));
        return subsidy.get().amountFen();
    }

    private List<AddOn> addOns() {
        return catalog.all(Parameter.ADD_ON, year, path).stream()
                .map(addOn -> {
                    use(addOn, Phrase.of("contribution.step.addOn", new Verbatim(addOn.name()),
                            yuan(addOn.amountFen()), new Verbatim(addOn.payee())));
                    return new AddOn(addOn.appliesTo(), addOn.name(), addOn.amountFen(), addOn.payee(), addOn.note());
                })
                .toList();
    }

    private void explainResidencePermitAndWindow() {
        catalog.find(Parameter.RESIDENCE_PERMIT_SUBSIDY, year, path, ALL).ifPresent(rule -> notes.add(
                Phrase.of("contribution.note.residencePermit", new Verbatim(rule.citation().document()))));
        catalog.find(Parameter.COLLECTION_WINDOW, year, path, ALL).ifPresent(found -> use(found,
                Phrase.of("contribution.step.window", found.dateRange().start(), found.dateRange().end())));
    }

    private Phrase headline(DueStanding standing, long standardFen, long dueFen) {
        return switch (standing) {
            case EXACT -> Phrase.of("contribution.headline.exact", year, yuan(dueFen));
            case ASSISTANCE_UNPUBLISHED -> Phrase.of("contribution.headline.assistanceUnpublished", year,
                    yuan(standardFen), Labels.of(request.assistance()));
            case NATIONAL_STANDARD -> isNational()
                    ? Phrase.of("contribution.headline.national", year, yuan(standardFen))
                    : Phrase.of("contribution.headline.nationalForRegion", year, yuan(standardFen), region());
            default -> Phrase.of("contribution.headline.standard", year, standing.words(), yuan(standardFen),
                    region());
        };
    }

    // --- why it cannot be paid here, and where instead ----------------------------------------------------------

    /** The benefit period, or why the quote cannot be paid, as the last step; the unpublished window as a note. */
    private void explainOutcome(Coverage coverage, Refusal refusal, boolean newStudentPeriod) {
        if (window == null && !newStudentPeriod && !isNational() && (refusal == null || !refusal.aboutTheWindow())) {
            notes.add(Phrase.of("contribution.note.windowUnpublished", region(), year));
        }
        if (refusal == null && !newStudentPeriod) {
            steps.add(Phrase.of("contribution.step.period", coverage.start() == null
                    ? Phrase.of("contribution.step.period.startUnknown") : coverage.start(), coverage.end()));
        }
        if (refusal != null) {
            steps.add(Phrase.of("contribution.step.refused", refusal.reason()));
        }
    }

    private Phrase notServed(DueStanding standing) {
        if (isNational()) {
            return Phrase.of("contribution.notServed.national");
        }
        if (standing == DueStanding.EXACT) {
            return Phrase.of("contribution.notServed.exact", region());
        }
        return Phrase.of("contribution.notServed.figure", region(), standing.shownAs());
    }

    private Phrase notPublished(PolicyFigure figure, DueStanding standing) {
        return switch (standing) {
            case ASSISTANCE_UNPUBLISHED -> Phrase.of("contribution.notPublished.assistance", region(), year,
                    Labels.of(request.assistance()));
            case NATIONAL_STANDARD -> Phrase.of("contribution.notPublished.national", region(), year,
                    yuan(figure.amountFen()), cite(figure));
            default -> Phrase.of("contribution.notPublished.figure", region(), year, regionOf(figure.regionCode()),
                    standing.words(), yuan(figure.amountFen()), cite(figure));
        };
    }

    /** The region's own payment channels as its documents name them, nearest level first. */
    private Phrase whereToPay() {
        return catalog.find(Parameter.PAYMENT_CHANNELS, year, path, ALL)
                .map(found -> {
                    citations.add(found.citation());
                    return Phrase.of("contribution.whereToPay.channels",
                            PhraseLists.clauses(found.items().stream().map(Verbatim::new).toList()), cite(found));
                })
                .orElse(Phrase.of("contribution.whereToPay.unknown"));
    }

    // --- routes and the benefit period --------------------------------------------------------------------------

    private Optional<PolicyFigure> newStudentPeriod() {
        Optional<PolicyFigure> period = newStudent.flatMap(found -> catalog.find(
                Parameter.NEW_STUDENT_BENEFIT_PERIOD, year, path, found.appliesTo()));
        period.ifPresent(found -> use(found, Phrase.of("contribution.step.newStudentPeriod", found.dateRange().start(),
                found.dateRange().end())));
        return period;
    }

    private Coverage newStudentCoverage(DateRange period) {
        if (request.payDate().isAfter(period.end())) {
            return Coverage.closed(Coverage.Closed.NO_BENEFIT_LEFT, Phrase.of("contribution.closed.newStudentOver",
                    period.end()));
        }
        return Coverage.open(period.start(), period.end());
    }

    Coverage coverage() {
        LocalDate payDate = request.payDate();
        if (payDate.isAfter(yearEnd)) {
            return Coverage.closed(Coverage.Closed.NO_BENEFIT_LEFT, Phrase.of("contribution.closed.yearOver", year));
        }
        boolean insideWindow = window != null && window.contains(payDate);
        Enrolment enrolment = request.enrolment();
        if (enrolment == Enrolment.REGULAR || insideWindow) {
            if (enrolment != Enrolment.REGULAR) {
                notes.add(Phrase.of("contribution.note.insideWindow"));
            }
            return regular();
        }
        return switch (enrolment) {
            case LEFT_OTHER_SCHEME -> leftOtherScheme();
            case MOVED_IN -> movedIn();
            case NEWBORN -> newborn();
            case REGULAR -> regular();
        };
    }

    private Coverage regular() {
        LocalDate payDate = request.payDate();
        if (window == null) {
            return Coverage.closed(Coverage.Closed.CANNOT_TELL, Phrase.of("contribution.closed.windowUnpublished",
                    region(), year, payDate));
        }
        if (window.contains(payDate)) {
            steps.add(Phrase.of("contribution.step.insideWindow", payDate));
            return Coverage.open(yearStart, yearEnd);
        }
        if (payDate.isBefore(window.start())) {
            return Coverage.closed(Coverage.Closed.NOT_THAT_DAY, Phrase.of("contribution.closed.notYet", year,
                    window.start()));
        }
        return Coverage.closed(Coverage.Closed.NOT_THAT_DAY, Phrase.of("contribution.closed.windowOver", year,
                window.end(), lateRoutes()));
    }

    /** The routes after the window that the documents on the region's own path open — and only those. */
    private Phrase lateRoutes() {
        List<Phrase> routes = new ArrayList<>();
        catalog.find(Parameter.LEFT_OTHER_SCHEME_GRACE, year, path, ALL).ifPresent(grace -> routes.add(
                Phrase.of("contribution.route.leftOther", describe(grace.period()), cite(grace))));
        catalog.find(Parameter.MOVED_IN_BENEFIT_START, year, path, ALL).ifPresent(rule -> routes.add(
                Phrase.of("contribution.route.movedIn", cite(rule))));
        catalog.find(Parameter.NEWBORN_ENROLMENT, year, path, ALL).ifPresent(rule -> routes.add(
                Phrase.of("contribution.route.newborn", cite(rule))));
        if (routes.isEmpty()) {
            return Phrase.of("contribution.routes.none", region());
        }
        return Phrase.of("contribution.routes", PhraseLists.clauses(routes));
    }

    private Coverage leftOtherScheme() {
        Optional<PolicyFigure> found = catalog.find(Parameter.LEFT_OTHER_SCHEME_GRACE, year, path, ALL);
        if (found.isEmpty()) {
            notes.add(Phrase.of("contribution.note.leftOther.noRule", region()));
            return regular();
        }
        PolicyFigure grace = found.get();
        Period period = grace.period();
        LocalDate deadline = request.eventDate().plus(period);
        use(grace, Phrase.of("contribution.step.leftOther", request.eventDate(), describe(period), deadline));
        if (window == null) {
            return Coverage.closed(Coverage.Closed.CANNOT_TELL, Phrase.of("contribution.closed.leftOther.noWindow",
                    Phrase.of("contribution.rule.leftOther", cite(grace)), region(), year));
        }
        if (request.payDate().isBefore(window.start())) {
            return Coverage.closed(Coverage.Closed.NOT_THAT_DAY, Phrase.of("contribution.closed.leftOther.beforeWindow",
                    window.end(), cite(grace), year, window.start()));
        }
        if (request.payDate().isAfter(deadline)) {
            return Coverage.closed(Coverage.Closed.NOT_THAT_DAY, Phrase.of("contribution.closed.leftOther.late",
                    describe(period), deadline, cite(grace)));
        }
        return startingAfterPayment(Parameter.LEFT_OTHER_SCHEME_BENEFIT_START);
    }

    private Coverage movedIn() {
        Optional<PolicyFigure> found = catalog.find(Parameter.MOVED_IN_BENEFIT_START, year, path, ALL);
        if (found.isEmpty()) {
            notes.add(Phrase.of("contribution.note.movedIn.noRule", region()));
            return regular();
        }
        if (window != null && request.payDate().isBefore(window.start())) {
            return regular();
        }
        Phrase rule = Phrase.of("contribution.route.movedIn", cite(found.get()));
        if (window != null && !request.eventDate().isAfter(window.end())) {
            return Coverage.closed(Coverage.Closed.NOT_THAT_DAY, Phrase.of("contribution.closed.movedIn.inWindow", rule,
                    request.eventDate(), window.end()));
        }
        notes.add(Phrase.of("contribution.note.movedIn.notPaidAtHome"));
        Coverage coverage = startingAfterPayment(Parameter.MOVED_IN_BENEFIT_START);
        if (coverage.isOpen() && window == null) {
            return Coverage.closed(Coverage.Closed.CANNOT_TELL, Phrase.of("contribution.closed.movedIn.noWindow", rule,
                    region(), year, request.eventDate()));
        }
        return coverage;
    }

    private Coverage newborn() {
        Optional<PolicyFigure> rule = catalog.find(Parameter.NEWBORN_ENROLMENT, year, path, ALL);
        if (rule.isEmpty()) {
            notes.add(Phrase.of("contribution.note.newborn.noRule", region()));
            return regular();
        }
        use(rule.get(), Phrase.of("contribution.step.newborn", newbornDefinition()));
        notes.add(Phrase.of("contribution.note.newborn.start"));
        return Coverage.open(null, yearEnd);
    }

    /** Benefits from the day or month after payment: none are bought when that falls after the benefit year. */
    private Coverage startingAfterPayment(Parameter rule) {
        PolicyFigure figure = catalog.find(rule, year, path, ALL).orElseThrow();
        LocalDate payDate = request.payDate();
        LocalDate start = switch (figure.value()) {
            case "DAY_AFTER_PAYMENT" -> payDate.plusDays(1);
            case "FIRST_DAY_OF_NEXT_MONTH" -> payDate.withDayOfMonth(1).plusMonths(1);
            default -> throw new IllegalStateException("unknown benefit start rule " + figure.value());
        };
        Phrase how = Phrase.of("contribution.start." + figure.value());
        use(figure, how);
        if (start.isAfter(yearEnd)) {
            return Coverage.closed(Coverage.Closed.NO_BENEFIT_LEFT, Phrase.of("contribution.closed.noBenefitLeft", how,
                    cite(figure), payDate, start, year));
        }
        return Coverage.open(start.isBefore(yearStart) ? yearStart : start, yearEnd);
    }

    // --- explanation --------------------------------------------------------------------------------------------

    private void use(PolicyFigure figure, Phrase step) {
        citations.add(figure.citation());
        steps.add(Phrase.of("contribution.step.sourced", step, regionOf(figure.regionCode()), cite(figure)));
        if (figure.note() != null && !figure.note().isBlank() && figure.kind() != FigureKind.EXACT) {
            notes.add(Phrase.of("contribution.note.document", new Verbatim(figure.note())));
        }
    }

    private static Verbatim cite(PolicyFigure figure) {
        return new Verbatim(figure.citation().document() + " " + figure.citation().clause());
    }

    /** The national level itself (the calculator's "其他地区（全国标准）"), not a place. */
    private boolean isNational() {
        return Region.NATIONAL.equals(request.region().code());
    }

    private Verbatim region() {
        return new Verbatim(request.region().name());
    }

    private Verbatim regionOf(String code) {
        return new Verbatim(request.regionPath().stream().filter(region -> region.code().equals(code))
                .map(Region::name).findFirst().orElse(code));
    }

    private static Object describe(Period period) {
        if (period.getYears() == 0 && period.getDays() == 0) {
            return Phrase.of("contribution.months", period.getMonths());
        }
        return period.toString();
    }
}
