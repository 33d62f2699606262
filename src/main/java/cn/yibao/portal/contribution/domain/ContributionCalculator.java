package cn.yibao.portal.contribution.domain;

import static cn.yibao.portal.policy.domain.Money.yuan;

import cn.yibao.portal.policy.domain.Citation;
import cn.yibao.portal.policy.domain.DateRange;
import cn.yibao.portal.policy.domain.FigureKind;
import cn.yibao.portal.policy.domain.Parameter;
import cn.yibao.portal.policy.domain.PolicyCatalog;
import cn.yibao.portal.policy.domain.PolicyFigure;
import cn.yibao.portal.policy.domain.Region;
import cn.yibao.portal.resident.domain.AssistanceStatus;
import cn.yibao.portal.resident.domain.Category;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The contribution rule: what a person owes for a benefit year after any assistance, whether they can pay it here on
 * a given day, and from when they are covered. Every figure and route comes from the policy catalog with its
 * citation; where the documents publish none, the quote says so instead of inventing one.
 *
 * <p>Money is taken only for a published exact local amount ({@link DueStanding#EXACT}) of a region the portal
 * serves, on a day the documents open for paying — inside the published collection window, or on a late route the
 * region's own documents open — and only while a benefit day is left. A floor, an average, a national figure or an
 * unpublished assistance amount is shown for information, with where the payment is made instead.
 */
public final class ContributionCalculator {

    private static final String ALL = "ALL";

    private final QuoteRequest request;
    private final PolicyCatalog catalog;
    private final List<String> path;
    private final int year;
    private final LocalDate yearStart;
    private final LocalDate yearEnd;
    private final Set<Citation> citations = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();

    private ContributionCalculator(QuoteRequest request, PolicyCatalog catalog) {
        this.request = request;
        this.catalog = catalog;
        this.path = request.regionCodes();
        this.year = request.benefitYear();
        this.yearStart = LocalDate.of(year, 1, 1);
        this.yearEnd = LocalDate.of(year, 12, 31);
    }

    public static QuoteResult quote(QuoteRequest request, PolicyCatalog catalog) {
        return new ContributionCalculator(request, catalog).calculate();
    }

    /**
     * Whether the route the person takes opens on the pay date, and the benefit period it buys. A closed route says
     * how: no benefit day is left at all, the documents close that day, or the portal cannot tell (no published
     * window) and the payment is made through the region's own channels.
     */
    private record Coverage(Closed closed, String reason, LocalDate start, LocalDate end) {

        enum Closed { NO, NO_BENEFIT_LEFT, NOT_THAT_DAY, CANNOT_TELL }

        static Coverage open(LocalDate start, LocalDate end) {
            return new Coverage(Closed.NO, null, start, end);
        }

        static Coverage closed(Closed how, String reason) {
            return new Coverage(how, reason, null, null);
        }

        boolean isOpen() {
            return closed == Closed.NO;
        }
    }

    /** The person's assisted-enrolment deduction, and whether the documents publish it. */
    private record Assistance(long fen, boolean published, boolean full) {
    }

    private QuoteResult calculate() {
        List<Integer> grades = catalog.adultGrades(year, path);
        Integer grade = request.grade();
        if (grade != null) {
            if (grades.isEmpty()) {
                return new QuoteResult.Rejected("grade", "文件没有公布" + regionName() + year + "年度的分档缴费标准，请不要选择缴费档次。");
            }
            if (request.category() != Category.ADULT) {
                return new QuoteResult.Rejected("grade", "只有成年居民选择缴费档次，" + Labels.of(request.category())
                        + "按统一标准缴费。");
            }
            if (!grades.contains(grade)) {
                return new QuoteResult.Rejected("grade", "缴费档次只能选择 " + join(grades) + " 档。");
            }
        } else if (!grades.isEmpty() && request.category() == Category.ADULT) {
            grade = grades.get(0);
            notes.add("未选择缴费档次，按" + grade + "档计算；可选择 " + join(grades) + " 档。");
        }

        Optional<PolicyFigure> newStudent = Optional.empty();
        if (request.newStudent()) {
            newStudent = catalog.find(Parameter.NEW_STUDENT_CONTRIBUTION, year, path,
                    List.of(request.category().name(), ALL));
            if (newStudent.isEmpty()) {
                QuoteResult.Rejected notForThisCategory = newStudentOnlyForOthers();
                if (notForThisCategory != null) {
                    return notForThisCategory;
                }
                notes.add(regionName() + year + "年度没有新入学学生分段缴费的规定，按全年标准计算。");
            }
        }
        QuoteResult.Rejected invalidDate = checkEventDate();
        if (invalidDate != null) {
            return invalidDate;
        }
        DateRange window = catalog.find(Parameter.COLLECTION_WINDOW, year, path, ALL)
                .map(PolicyFigure::dateRange).orElse(null);
        QuoteResult.Rejected notANewborn = checkNewborn(window);
        if (notANewborn != null) {
            return notANewborn;
        }

        Integer chosenGrade = grade;
        Optional<PolicyFigure> standardFigure = newStudent.or(() -> catalog.find(Parameter.PERSONAL_CONTRIBUTION, year,
                path, standardKeys(chosenGrade)));
        if (standardFigure.isEmpty()) {
            return new QuoteResult.NoPolicy("year", "没有找到" + regionName() + year + "年度" + Labels.of(request.category())
                    + "的个人缴费标准。");
        }
        PolicyFigure standard = standardFigure.get();
        long standardFen = standard.amountFen();
        use(standard, (newStudent.isPresent() ? "新入学学生分段缴费：" : "个人缴费标准：") + yuan(standardFen) + "元"
                + Labels.qualifier(standard.kind()));
        explainWhereTheFigureComesFrom(standard);

        Assistance assistance = assistance(standardFen);
        long dueFen = standardFen - assistance.fen();
        DueStanding standing = standing(standard, assistance);
        steps.add(standing == DueStanding.EXACT
                ? "应缴金额：" + yuan(standardFen) + "元 − " + yuan(assistance.fen()) + "元 = " + yuan(dueFen) + "元"
                : "应缴金额：" + regionName() + "未公布" + (standing == DueStanding.ASSISTANCE_UNPUBLISHED
                        ? "资助后的个人应缴金额" : "本地的个人应缴金额") + "，不能按上述标准收费");

        Long subsidyFen = catalog.find(Parameter.FISCAL_SUBSIDY, year, path, ALL)
                .map(subsidy -> {
                    use(subsidy, "各级财政补助：每人" + yuan(subsidy.amountFen()) + "元" + Labels.qualifier(subsidy.kind())
                            + "，不由个人缴纳");
                    return subsidy.amountFen();
                })
                .orElse(null);
        if (subsidyFen == null) {
            notes.add("文件未公布" + regionName() + year + "年度的财政补助标准。");
        }
        List<AddOn> addOns = catalog.all(Parameter.ADD_ON, year, path).stream()
                .map(addOn -> {
                    use(addOn, "可自愿另行参加" + addOn.name() + "：" + yuan(addOn.amountFen()) + "元，由" + addOn.payee()
                            + "收取，不计入医保缴费");
                    return new AddOn(addOn.appliesTo(), addOn.name(), addOn.amountFen(), addOn.payee(), addOn.note());
                })
                .toList();
        catalog.find(Parameter.RESIDENCE_PERMIT_SUBSIDY, year, path, ALL).ifPresent(rule -> notes.add(
                "持居住证参保的，按当地居民标准享受财政补助（" + rule.citation().document() + "）。"));
        catalog.find(Parameter.COLLECTION_WINDOW, year, path, ALL).ifPresent(found -> use(found,
                "集中征缴期：" + found.dateRange().start() + " 至 " + found.dateRange().end()));

        Optional<PolicyFigure> newStudentPeriodFigure = newStudent.flatMap(found -> catalog.find(
                Parameter.NEW_STUDENT_BENEFIT_PERIOD, year, path, found.appliesTo()));
        newStudentPeriodFigure.ifPresent(found -> use(found, "新入学学生待遇期：" + found.dateRange().start() + " 至 "
                + found.dateRange().end()));
        Coverage coverage = newStudentPeriodFigure.map(found -> newStudentCoverage(found.dateRange()))
                .orElseGet(() -> coverage(window));

        Refusal refusal = refusal(coverage, standard, standing);
        String reason = refusal == null ? null : refusal.reason();
        if (window == null && newStudentPeriodFigure.isEmpty() && !isNational()
                && (refusal == null || !refusal.aboutTheWindow())) {
            notes.add("文件未公布" + regionName() + year + "年度的集中征缴期，以当地医保、税务部门通知为准。");
        }
        boolean payable = refusal == null;
        if (payable && newStudentPeriodFigure.isEmpty()) {
            steps.add("待遇期：" + (coverage.start() == null ? "起始日期文件未明确" : coverage.start().toString())
                    + " 至 " + coverage.end());
        }
        if (!payable) {
            steps.add("不能缴费：" + reason);
        }
        return new QuoteResult.Quoted(new Quote(request.region().code(), request.region().name(), year, standardFen,
                assistance.fen(), dueFen, subsidyFen, addOns, payable, reason, window,
                payable ? coverage.start() : null, payable ? coverage.end() : null, grade,
                request.category() == Category.ADULT ? grades : List.of(), List.copyOf(citations), List.copyOf(notes),
                List.copyOf(steps), standing, headline(standing, standardFen, dueFen),
                refusal == null ? null : refusal.whereToPay()));
    }

    /**
     * Why the quote cannot be paid here, and where instead when the portal merely cannot take the payment
     * ({@code whereToPay} null when it cannot be made that day at all); {@code aboutTheWindow}: the reason is the
     * unpublished collection window.
     */
    private record Refusal(String reason, String whereToPay, boolean aboutTheWindow) {
    }

    /**
     * The first reason that applies, {@code null} for none: no cover left to buy at all; then what the portal cannot
     * charge (a region it does not serve, an amount that is not a published exact one); then the day.
     */
    private Refusal refusal(Coverage coverage, PolicyFigure standard, DueStanding standing) {
        if (coverage.closed() == Coverage.Closed.NO_BENEFIT_LEFT) {
            return new Refusal(coverage.reason(), null, false);
        }
        if (!catalog.hasLocalDocument(path)) {
            String where = whereToPay();
            return new Refusal(notServed(standing) + where, where, false);
        }
        if (standing != DueStanding.EXACT) {
            String where = whereToPay();
            return new Refusal(notPublished(standard, standing) + where, where, false);
        }
        return switch (coverage.closed()) {
            case NO -> null;
            case CANNOT_TELL -> {
                String where = whereToPay();
                yield new Refusal(coverage.reason() + where, where, true);
            }
            case NOT_THAT_DAY, NO_BENEFIT_LEFT -> new Refusal(coverage.reason(), null, false);
        };
    }

    private List<String> standardKeys(Integer grade) {
        return grade != null
                ? List.of(PolicyCatalog.gradeKey(grade), Category.ADULT.name(), ALL)
                : List.of(request.category().name(), ALL);
    }

    // --- who may take a route ---------------------------------------------------------------------------------

    /** The region has a new-student rule, but for other categories (e.g. students, not adults): refused. */
    private QuoteResult.Rejected newStudentOnlyForOthers() {
        List<PolicyFigure> others = catalog.all(Parameter.NEW_STUDENT_CONTRIBUTION, year, path);
        if (others.isEmpty()) {
            return null;
        }
        PolicyFigure rule = others.get(0);
        String who = String.join("、", others.stream().map(PolicyFigure::appliesTo).distinct()
                .map(key -> ALL.equals(key) ? "学生" : Labels.of(Category.valueOf(key))).toList());
        return new QuoteResult.Rejected("newStudent", "新入学学生分段缴费只适用于" + who + "（" + cite(rule) + "），"
                + Labels.of(request.category()) + "按全年标准缴费。");
    }

    private QuoteResult.Rejected checkEventDate() {
        LocalDate event = request.eventDate();
        if (event == null || !event.isAfter(request.payDate())) {
            return null;
        }
        return switch (request.enrolment()) {
            case LEFT_OTHER_SCHEME -> new QuoteResult.Rejected("leftOn", "退出其他制度保障的日期不能晚于缴费日期。");
            case MOVED_IN -> new QuoteResult.Rejected("movedOn", "户籍迁入日期不能晚于缴费日期。");
            case NEWBORN -> new QuoteResult.Rejected("birthDate", "出生日期不能晚于缴费日期。");
            case REGULAR -> null;
        };
    }

    /**
     * Who is a newborn for the benefit year (新生儿落地参保, 文医保发〔2023〕10号 一（三）): a child born in the year, or
     * born after the year's collection window opened — a child born before it could have enrolled in the window. An
     * older child, an adult or a college student is not, wherever they live.
     */
    private QuoteResult.Rejected checkNewborn(DateRange window) {
        if (request.enrolment() != Enrolment.NEWBORN) {
            return null;
        }
        if (request.category() != Category.MINOR) {
            return new QuoteResult.Rejected("category", "新生儿落地参保只适用于新生儿，人员类别应为“"
                    + Labels.of(Category.MINOR) + "”；" + Labels.of(request.category()) + "不能按新生儿参保。");
        }
        LocalDate birth = request.eventDate();
        LocalDate earliest = newbornsFrom(window);
        if (birth.isBefore(earliest)) {
            return new QuoteResult.Rejected("birthDate", "出生日期 " + birth + " 不属于" + year + "年度的新生儿："
                    + newbornDefinition(window) + "；更早出生的应在集中征缴期内参保。");
        }
        if (birth.isAfter(yearEnd)) {
            return new QuoteResult.Rejected("birthDate", "出生日期 " + birth + " 在" + year + "年度之后，不属于" + year
                    + "年度的新生儿。");
        }
        return null;
    }

    private LocalDate newbornsFrom(DateRange window) {
        return window != null && window.start().isBefore(yearStart) ? window.start() : yearStart;
    }

    private String newbornDefinition(DateRange window) {
        LocalDate from = newbornsFrom(window);
        return year + "年度的新生儿指" + from + (from.equals(yearStart) ? "（" + year + "年度开始）"
                : "（" + year + "年度集中征缴期开始）") + "以后出生的婴儿";
    }

    // --- assistance and what the amount is ----------------------------------------------------------------------

    private Assistance assistance(long standardFen) {
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
                        notes.add(cite(line) + "：" + line.note());
                    });
            notes.add(regionName() + "未公布" + year + "年度" + Labels.of(group) + "的资助参保标准，应缴金额未扣除资助，"
                    + "请咨询当地医保经办机构。");
            steps.add("资助参保（" + Labels.of(group) + "）：" + regionName() + "未公布标准，未扣除");
            return new Assistance(0, false, false);
        }
        PolicyFigure figure = found.get();
        long assistanceFen = figure.isFull() ? standardFen : Math.min(figure.amountFen(), standardFen);
        use(figure, "资助参保（" + Labels.of(group) + "）：" + (figure.isFull() ? "全额资助 " : "定额资助 ")
                + yuan(assistanceFen) + "元，由医疗救助资金支付");
        return new Assistance(assistanceFen, true, figure.isFull());
    }

    /**
     * Full assistance makes the amount owed exactly 0 whatever the standard; otherwise the amount is only as exact as
     * the standard (a local EXACT figure, not a national one) and the assistance.
     */
    private static DueStanding standing(PolicyFigure standard, Assistance assistance) {
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

    private String headline(DueStanding standing, long standardFen, long dueFen) {
        return switch (standing) {
            case EXACT -> year + "年度应缴 " + yuan(dueFen) + " 元";
            case ASSISTANCE_UNPUBLISHED -> year + "年度个人缴费标准 " + yuan(standardFen) + " 元（"
                    + Labels.of(request.assistance()) + "的资助标准未公布）";
            case NATIONAL_STANDARD -> year + "年度全国个人缴费标准 " + yuan(standardFen) + " 元"
                    + (isNational() ? "" : "（" + regionName() + "的应缴金额未公布）");
            default -> year + "年度个人缴费标准" + standing.words() + " " + yuan(standardFen) + " 元（" + regionName()
                    + "的应缴金额未公布）";
        };
    }

    // --- why it cannot be paid here, and where instead ----------------------------------------------------------

    private String notServed(DueStanding standing) {
        if (isNational()) {
            return "这是全国标准，不是哪一个地区的应缴金额；本平台暂未开通其他地区的缴费服务，不收取该费用。";
        }
        if (standing == DueStanding.EXACT) {
            return "本平台暂未开通" + regionName() + "的缴费服务，不在此办理。";
        }
        return "本平台暂未开通" + regionName() + "的缴费服务；" + regionName() + "的应缴金额未在已收录的文件中公布（显示的是"
                + standing.shownAs() + "），本平台不收取该费用。";
    }

    private String notPublished(PolicyFigure standard, DueStanding standing) {
        String head = regionName() + year + "年度的";
        return switch (standing) {
            case ASSISTANCE_UNPUBLISHED -> head + Labels.of(request.assistance()) + "资助参保标准未公布，个人应缴金额无法确定，"
                    + "本平台不收取该费用。";
            case NATIONAL_STANDARD -> head + "个人缴费金额未在已收录的文件中公布，" + yuan(standard.amountFen()) + "元是全国标准（"
                    + cite(standard) + "），不是应缴金额，本平台不收取该费用。";
            default -> head + "个人缴费金额未在已收录的文件中公布：" + regionNameOf(standard.regionCode()) + "规定个人缴费标准"
                    + standing.words() + yuan(standard.amountFen()) + "元（" + cite(standard) + "），这不是应缴金额，"
                    + "本平台不收取该费用。";
        };
    }

    /** The region's own payment channels as its documents name them, nearest level first. */
    private String whereToPay() {
        return catalog.find(Parameter.PAYMENT_CHANNELS, year, path, ALL)
                .map(found -> {
                    citations.add(found.citation());
                    return "请通过参保地的缴费渠道办理：" + String.join("；", found.items()) + "（" + cite(found) + "）。";
                })
                .orElse("请通过参保地医保经办机构了解缴费方式。");
    }

    // --- routes and the benefit period --------------------------------------------------------------------------

    private Coverage newStudentCoverage(DateRange period) {
        if (request.payDate().isAfter(period.end())) {
            return Coverage.closed(Coverage.Closed.NO_BENEFIT_LEFT, "新入学学生分段缴费的待遇期已于 " + period.end()
                    + " 结束。");
        }
        return Coverage.open(period.start(), period.end());
    }

    private Coverage coverage(DateRange window) {
        LocalDate payDate = request.payDate();
        if (payDate.isAfter(yearEnd)) {
            return Coverage.closed(Coverage.Closed.NO_BENEFIT_LEFT, year + "年度已结束，不能再缴纳该年度的医保费。");
        }
        boolean insideWindow = window != null && window.contains(payDate);
        Enrolment enrolment = request.enrolment();
        if (enrolment == Enrolment.REGULAR || insideWindow) {
            if (enrolment != Enrolment.REGULAR) {
                notes.add("缴费日期在集中征缴期内，按正常参保办理。");
            }
            return regular(window);
        }
        return switch (enrolment) {
            case LEFT_OTHER_SCHEME -> leftOtherScheme(window);
            case MOVED_IN -> movedIn(window);
            case NEWBORN -> newborn(window);
            case REGULAR -> regular(window);
        };
    }

    private Coverage regular(DateRange window) {
        LocalDate payDate = request.payDate();
        if (window == null) {
            return Coverage.closed(Coverage.Closed.CANNOT_TELL, "文件未公布" + regionName() + year
                    + "年度的集中征缴期，本平台无法确认 " + payDate + " 能否缴纳该年度的医保费，不在此办理。");
        }
        if (window.contains(payDate)) {
            steps.add("缴费日期 " + payDate + " 在集中征缴期内");
            return Coverage.open(yearStart, yearEnd);
        }
        if (payDate.isBefore(window.start())) {
            return Coverage.closed(Coverage.Closed.NOT_THAT_DAY, year + "年度集中征缴期自 " + window.start()
                    + " 开始，尚未开始缴费。");
        }
        return Coverage.closed(Coverage.Closed.NOT_THAT_DAY, year + "年度集中征缴期已于 " + window.end() + " 结束。"
                + lateRoutes());
    }

    /** The routes after the window that the documents on the region's own path open — and only those. */
    private String lateRoutes() {
        List<String> routes = new ArrayList<>();
        catalog.find(Parameter.LEFT_OTHER_SCHEME_GRACE, year, path, ALL).ifPresent(grace -> routes.add(
                "退出其他制度保障的人员可在退出后" + describe(grace.period()) + "内补办参保（" + cite(grace) + "）"));
        catalog.find(Parameter.MOVED_IN_BENEFIT_START, year, path, ALL).ifPresent(rule -> routes.add(
                "集中缴费期后跨统筹区新迁入户籍、未在原户籍地缴费的居民可在迁入地缴费（" + cite(rule) + "）"));
        catalog.find(Parameter.NEWBORN_ENROLMENT, year, path, ALL).ifPresent(rule -> routes.add(
                "新生儿可落地参保（" + cite(rule) + "）"));
        if (routes.isEmpty()) {
            return "已收录的文件没有规定" + regionName() + "在集中征缴期后补办参保的途径。";
        }
        return "集中征缴期后，" + String.join("；", routes) + "。";
    }

    private Coverage leftOtherScheme(DateRange window) {
        Optional<PolicyFigure> found = catalog.find(Parameter.LEFT_OTHER_SCHEME_GRACE, year, path, ALL);
        if (found.isEmpty()) {
            notes.add(regionName() + "未公布退出其他制度保障人员补办参保的规定，按集中征缴规定判断。");
            return regular(window);
        }
        PolicyFigure grace = found.get();
        Period period = grace.period();
        LocalDate deadline = request.eventDate().plus(period);
        use(grace, "退出其他制度保障（" + request.eventDate() + "）后 " + describe(period) + "内，在集中征缴期结束后可补办参保，"
                + "截至 " + deadline);
        String rule = "退出其他制度保障的人员在集中征缴期结束后补办参保（" + cite(grace) + "）";
        if (window == null) {
            return Coverage.closed(Coverage.Closed.CANNOT_TELL, rule + "；文件未公布" + regionName() + year
                    + "年度的集中征缴期，本平台无法确认，不在此办理。");
        }
        if (request.payDate().isBefore(window.start())) {
            return Coverage.closed(Coverage.Closed.NOT_THAT_DAY, "退出其他制度保障的人员在集中征缴期结束（" + window.end()
                    + "）后补办参保（" + cite(grace) + "）；" + year + "年度集中征缴期自 " + window.start()
                    + " 开始，届时可正常参保。");
        }
        if (request.payDate().isAfter(deadline)) {
            return Coverage.closed(Coverage.Closed.NOT_THAT_DAY, "已超过退出其他制度保障后" + describe(period)
                    + "的补办期限（" + deadline + "，" + cite(grace) + "）。");
        }
        return startingAfterPayment(Parameter.LEFT_OTHER_SCHEME_BENEFIT_START);
    }

    private Coverage movedIn(DateRange window) {
        Optional<PolicyFigure> found = catalog.find(Parameter.MOVED_IN_BENEFIT_START, year, path, ALL);
        if (found.isEmpty()) {
            notes.add(regionName() + "未公布跨统筹区迁入人员补缴的规定，按集中征缴规定判断。");
            return regular(window);
        }
        if (window != null && request.payDate().isBefore(window.start())) {
            return regular(window);
        }
        String rule = "集中缴费期后跨统筹区新迁入户籍、未在原户籍地缴费的居民可在迁入地缴费（" + cite(found.get()) + "）";
        if (window != null && !request.eventDate().isAfter(window.end())) {
            return Coverage.closed(Coverage.Closed.NOT_THAT_DAY, rule + "；户籍迁入日期 " + request.eventDate()
                    + " 不在集中缴费期结束（" + window.end() + "）之后，应在集中缴费期内缴费。");
        }
        notes.add("跨统筹区迁入人员须未在原户籍地缴纳当年居民医保费。");
        Coverage coverage = startingAfterPayment(Parameter.MOVED_IN_BENEFIT_START);
        if (coverage.isOpen() && window == null) {
            return Coverage.closed(Coverage.Closed.CANNOT_TELL, rule + "，但文件未公布" + regionName() + year
                    + "年度的集中缴费期，本平台无法确认 " + request.eventDate() + " 迁入是否在集中缴费期之后，不在此办理。");
        }
        return coverage;
    }

    private Coverage newborn(DateRange window) {
        Optional<PolicyFigure> rule = catalog.find(Parameter.NEWBORN_ENROLMENT, year, path, ALL);
        if (rule.isEmpty()) {
            notes.add(regionName() + "未公布新生儿参保的规定，按集中征缴规定判断。");
            return regular(window);
        }
        use(rule.get(), "新生儿落地参保，不受集中征缴期限制；" + newbornDefinition(window));
        notes.add("文件未明确新生儿的待遇起始日期，以当地医保经办机构规定为准。");
        return Coverage.open(null, yearEnd);
    }

    /** Benefits from the day or month after payment: none are bought when that falls after the benefit year. */
    private Coverage startingAfterPayment(Parameter rule) {
        PolicyFigure figure = catalog.find(rule, year, path, ALL).orElseThrow();
        LocalDate payDate = request.payDate();
        boolean nextDay = "DAY_AFTER_PAYMENT".equals(figure.value());
        LocalDate start = switch (figure.value()) {
            case "DAY_AFTER_PAYMENT" -> payDate.plusDays(1);
            case "FIRST_DAY_OF_NEXT_MONTH" -> payDate.withDayOfMonth(1).plusMonths(1);
            default -> throw new IllegalStateException("unknown benefit start rule " + figure.value());
        };
        String how = nextDay ? "自缴费次日起享受待遇" : "自缴费次月起享受待遇";
        use(figure, how);
        if (start.isAfter(yearEnd)) {
            return Coverage.closed(Coverage.Closed.NO_BENEFIT_LEFT, how + "（" + cite(figure) + "）：" + payDate
                    + " 缴费的待遇自 " + start + " 起，" + year + "年度已没有可享受待遇的日子，不能再缴纳该年度的医保费。");
        }
        return Coverage.open(start.isBefore(yearStart) ? yearStart : start, yearEnd);
    }

    // --- explanation --------------------------------------------------------------------------------------------

    private void use(PolicyFigure figure, String step) {
        citations.add(figure.citation());
        steps.add(step + "（" + regionNameOf(figure.regionCode()) + "，" + cite(figure) + "）");
        if (figure.note() != null && !figure.note().isBlank() && figure.kind() != FigureKind.EXACT) {
            notes.add(figure.note());
        }
    }

    private void explainWhereTheFigureComesFrom(PolicyFigure standard) {
        if (!standard.regionCode().equals(request.region().code())) {
            notes.add(regionName() + "没有本地公布的个人缴费标准，显示的是" + regionNameOf(standard.regionCode())
                    + "的标准" + Labels.qualifier(standard.kind()) + "。");
        }
        if (standard.kind() == FigureKind.MINIMUM) {
            notes.add("该标准为最低标准，当地实际标准可能更高，以当地公布为准。");
        } else if (standard.kind() == FigureKind.AVERAGE) {
            notes.add("该标准为人均标准，具体缴费标准以统筹地区公布为准。");
        }
        catalog.localChoices(Parameter.PERSONAL_CONTRIBUTION, year, path).forEach(choice -> {
            citations.add(choice.citation());
            notes.add(choice.citation().document() + "：" + (choice.note().isBlank()
                    ? "个人缴费标准由各统筹地区确定" : choice.note()) + "。");
        });
    }

    private static String cite(PolicyFigure figure) {
        return figure.citation().document() + " " + figure.citation().clause();
    }

    /** The national level itself (the calculator's "其他地区（全国标准）"), not a place. */
    private boolean isNational() {
        return Region.NATIONAL.equals(request.region().code());
    }

    private String regionName() {
        return request.region().name();
    }

    private String regionNameOf(String code) {
        return request.regionPath().stream().filter(region -> region.code().equals(code)).map(Region::name)
                .findFirst().orElse(code);
    }

    private static String describe(Period period) {
        if (period.getYears() == 0 && period.getDays() == 0) {
            return period.getMonths() + "个月";
        }
        return period.toString();
    }

    private static String join(List<Integer> values) {
        return String.join("、", values.stream().map(String::valueOf).toList());
    }
}
