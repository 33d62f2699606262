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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The contribution rule: what a person owes for a benefit year after any assistance, whether they can pay on a
 * given day, and from when they are covered. Every figure comes from the policy catalog with its citation; where
 * the documents publish none, the quote says so instead of inventing one.
 */
public final class ContributionCalculator {

    private static final String ALL = "ALL";

    private final QuoteRequest request;
    private final PolicyCatalog catalog;
    private final List<String> path;
    private final Set<Citation> citations = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();

    private ContributionCalculator(QuoteRequest request, PolicyCatalog catalog) {
        this.request = request;
        this.catalog = catalog;
        this.path = request.regionCodes();
    }

    public static QuoteResult quote(QuoteRequest request, PolicyCatalog catalog) {
        return new ContributionCalculator(request, catalog).calculate();
    }

    /** Whether paying on the day is possible and, if so, the benefit period it buys. */
    private record Coverage(boolean payable, String reason, LocalDate start, LocalDate end) {

        static Coverage refused(String reason) {
            return new Coverage(false, reason, null, null);
        }
    }

    private QuoteResult calculate() {
        int year = request.benefitYear();
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

        Integer chosenGrade = grade;
        Optional<PolicyFigure> newStudent = request.newStudent()
                ? catalog.find(Parameter.NEW_STUDENT_CONTRIBUTION, year, path, List.of(request.category().name(), ALL))
                : Optional.empty();
        if (request.newStudent() && newStudent.isEmpty()) {
            notes.add(regionName() + year + "年度没有新入学学生分段缴费的规定，按全年标准计算。");
        }
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

        long assistanceFen = assistance(year, standardFen);
        long dueFen = standardFen - assistanceFen;
        steps.add("应缴金额：" + yuan(standardFen) + "元 − " + yuan(assistanceFen) + "元 = " + yuan(dueFen) + "元");

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

        DateRange window = catalog.find(Parameter.COLLECTION_WINDOW, year, path, ALL)
                .map(found -> {
                    use(found, "集中征缴期：" + found.dateRange().start() + " 至 " + found.dateRange().end());
                    return found.dateRange();
                })
                .orElse(null);
        Optional<PolicyFigure> newStudentPeriodFigure = newStudent.flatMap(found -> catalog.find(
                Parameter.NEW_STUDENT_BENEFIT_PERIOD, year, path, found.appliesTo()));
        newStudentPeriodFigure.ifPresent(found -> use(found, "新入学学生待遇期：" + found.dateRange().start() + " 至 "
                + found.dateRange().end()));
        Optional<DateRange> newStudentPeriod = newStudentPeriodFigure.map(PolicyFigure::dateRange);

        QuoteResult.Rejected invalidDate = checkEventDate();
        if (invalidDate != null) {
            return invalidDate;
        }
        Coverage coverage = newStudentPeriod.map(this::newStudentCoverage).orElseGet(() -> coverage(window));
        if (coverage.payable() && newStudentPeriod.isEmpty()) {
            steps.add("待遇期：" + (coverage.start() == null ? "起始日期文件未明确" : coverage.start().toString())
                    + " 至 " + coverage.end());
        }
        if (!coverage.payable()) {
            steps.add("不能缴费：" + coverage.reason());
        }
        return new QuoteResult.Quoted(new Quote(request.region().code(), request.region().name(), year, standardFen,
                assistanceFen, dueFen, subsidyFen, addOns, coverage.payable(), coverage.reason(), window,
                coverage.start(), coverage.end(), grade,
                request.category() == Category.ADULT ? grades : List.of(), List.copyOf(citations), List.copyOf(notes),
                List.copyOf(steps)));
    }

    private List<String> standardKeys(Integer grade) {
        return grade != null
                ? List.of(PolicyCatalog.gradeKey(grade), Category.ADULT.name(), ALL)
                : List.of(request.category().name(), ALL);
    }

    private long assistance(int year, long standardFen) {
        AssistanceStatus group = request.assistance();
        if (group == AssistanceStatus.NONE) {
            return 0;
        }
        Optional<PolicyFigure> found = catalog.find(Parameter.ASSISTANCE, year, path, group.name());
        if (found.isEmpty()) {
            notes.add(regionName() + "未公布" + Labels.of(group) + "的资助参保标准，应缴金额未扣除资助，请咨询当地医保经办机构。");
            steps.add("资助参保（" + Labels.of(group) + "）：当地未公布标准，按 0 元计算");
            return 0;
        }
        PolicyFigure figure = found.get();
        long assistanceFen = figure.isFull() ? standardFen : Math.min(figure.amountFen(), standardFen);
        use(figure, "资助参保（" + Labels.of(group) + "）：" + (figure.isFull() ? "全额资助 " : "定额资助 ")
                + yuan(assistanceFen) + "元，由医疗救助资金支付");
        return assistanceFen;
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

    private Coverage newStudentCoverage(DateRange period) {
        boolean payable = !request.payDate().isAfter(period.end());
        return payable ? new Coverage(true, null, period.start(), period.end())
                : Coverage.refused("新入学学生分段缴费的待遇期已于 " + period.end() + " 结束。");
    }

    private Coverage coverage(DateRange window) {
        int year = request.benefitYear();
        LocalDate payDate = request.payDate();
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        if (payDate.isAfter(yearEnd)) {
            return Coverage.refused(year + "年度已结束，不能再缴纳该年度的医保费。");
        }
        boolean insideWindow = window != null && window.contains(payDate);
        Enrolment enrolment = request.enrolment();
        if (enrolment == Enrolment.REGULAR || insideWindow) {
            if (enrolment != Enrolment.REGULAR) {
                notes.add("缴费日期在集中征缴期内，按正常参保办理。");
            }
            return regular(window, yearStart, yearEnd);
        }
        return switch (enrolment) {
            case LEFT_OTHER_SCHEME -> leftOtherScheme(window, yearStart, yearEnd);
            case MOVED_IN -> movedIn(window, yearStart, yearEnd);
            case NEWBORN -> newborn(window, yearStart, yearEnd);
            case REGULAR -> regular(window, yearStart, yearEnd);
        };
    }

    private Coverage regular(DateRange window, LocalDate yearStart, LocalDate yearEnd) {
        LocalDate payDate = request.payDate();
        if (window == null) {
            notes.add("文件未公布" + regionName() + request.benefitYear() + "年度的集中征缴期，以当地医保、税务部门通知为准。");
            // Without a published window the only safe answer is "before the year starts"; never back-date cover.
            return payDate.isBefore(yearStart) ? new Coverage(true, null, yearStart, yearEnd)
                    : Coverage.refused(request.benefitYear() + "年度已经开始，文件未公布集中征缴期，能否补缴请咨询当地医保经办机构。");
        }
        if (window.contains(payDate)) {
            steps.add("缴费日期 " + payDate + " 在集中征缴期内");
            return new Coverage(true, null, yearStart, yearEnd);
        }
        if (payDate.isBefore(window.start())) {
            return Coverage.refused(request.benefitYear() + "年度集中征缴期自 " + window.start() + " 开始，尚未开始缴费。");
        }
        return Coverage.refused(request.benefitYear() + "年度集中征缴期已于 " + window.end()
                + " 结束。退出其他制度保障的人员、跨统筹区迁入人员和新生儿可按规定补办参保。");
    }

    private Coverage leftOtherScheme(DateRange window, LocalDate yearStart, LocalDate yearEnd) {
        int year = request.benefitYear();
        Optional<PolicyFigure> grace = catalog.find(Parameter.LEFT_OTHER_SCHEME_GRACE, year, path, ALL);
        if (grace.isEmpty() || request.eventDate() == null) {
            notes.add(regionName() + "未公布退出其他制度保障人员补办参保的规定，按集中征缴规定判断。");
            return regular(window, yearStart, yearEnd);
        }
        Period period = grace.get().period();
        LocalDate deadline = request.eventDate().plus(period);
        use(grace.get(), "退出其他制度保障（" + request.eventDate() + "）后 " + describe(period) + "内可补办参保，截至 " + deadline);
        if (request.payDate().isAfter(deadline)) {
            return Coverage.refused("已超过退出其他制度保障后" + describe(period) + "的补办期限（" + deadline + "）。");
        }
        return new Coverage(true, null, startAfterPayment(Parameter.LEFT_OTHER_SCHEME_BENEFIT_START, yearStart), yearEnd);
    }

    private Coverage movedIn(DateRange window, LocalDate yearStart, LocalDate yearEnd) {
        if (catalog.find(Parameter.MOVED_IN_BENEFIT_START, request.benefitYear(), path, ALL).isEmpty()) {
            notes.add(regionName() + "未公布跨统筹区迁入人员补缴的规定，按集中征缴规定判断。");
            return regular(window, yearStart, yearEnd);
        }
        if (window != null && request.payDate().isBefore(window.start())) {
            return regular(window, yearStart, yearEnd);
        }
        notes.add("跨统筹区迁入人员须未在原户籍地缴纳当年居民医保费。");
        return new Coverage(true, null, startAfterPayment(Parameter.MOVED_IN_BENEFIT_START, yearStart), yearEnd);
    }

    private Coverage newborn(DateRange window, LocalDate yearStart, LocalDate yearEnd) {
        Optional<PolicyFigure> rule = catalog.find(Parameter.NEWBORN_ENROLMENT, request.benefitYear(), path, ALL);
        if (rule.isEmpty()) {
            notes.add(regionName() + "未公布新生儿参保的规定，按集中征缴规定判断。");
            return regular(window, yearStart, yearEnd);
        }
        use(rule.get(), "新生儿落地参保：不受集中征缴期限制");
        notes.add("文件未明确新生儿的待遇起始日期，以当地医保经办机构规定为准。");
        return new Coverage(true, null, null, yearEnd);
    }

    private LocalDate startAfterPayment(Parameter rule, LocalDate yearStart) {
        PolicyFigure figure = catalog.find(rule, request.benefitYear(), path, ALL).orElseThrow();
        LocalDate payDate = request.payDate();
        LocalDate start = switch (figure.value()) {
            case "DAY_AFTER_PAYMENT" -> payDate.plusDays(1);
            case "FIRST_DAY_OF_NEXT_MONTH" -> payDate.withDayOfMonth(1).plusMonths(1);
            default -> throw new IllegalStateException("unknown benefit start rule " + figure.value());
        };
        LocalDate effective = start.isBefore(yearStart) ? yearStart : start;
        use(figure, "DAY_AFTER_PAYMENT".equals(figure.value()) ? "自缴费次日起享受待遇" : "自缴费次月起享受待遇");
        return effective;
    }

    private void use(PolicyFigure figure, String step) {
        citations.add(figure.citation());
        steps.add(step + "（" + regionNameOf(figure.regionCode()) + "，" + figure.citation().document() + " "
                + figure.citation().clause() + "）");
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
        catalog.localChoices(Parameter.PERSONAL_CONTRIBUTION, request.benefitYear(), path).forEach(choice -> {
            citations.add(choice.citation());
            notes.add(choice.citation().document() + "：" + (choice.note().isBlank()
                    ? "个人缴费标准由各统筹地区确定" : choice.note()) + "。");
        });
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
