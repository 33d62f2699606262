package cn.yibao.portal.benefit.domain;

import static cn.yibao.portal.policy.domain.Money.yuan;

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
 * what is left of it this year. The estimate carries two numbers: a ceiling that holds whatever the unpublished
 * figures turn out to be (a missing deductible counts as 0, a missing or minimum ratio as 100%, a missing cap as no
 * cap), and, where the figures allow, a floor for an expense wholly within policy scope (a minimum ratio at its
 * minimum, the largest remote reduction). When they meet, the answer is exact (or "about", for a 左右 ratio).
 *
 * <p>Rounding: a percentage of an amount is rounded half up to the fen ({@code (fen × percent + 50) / 100}), the way
 * settlement receipts show fen; caps and deductibles are whole fen already. Pure: the caller passes the schedule of
 * the benefit year and what the fund has already paid this year.
 */
public final class Estimator {

    /** 1000万元: far above any single bill; a larger amount is a typo, not a bill. */
    static final long MAX_EXPENSE_FEN = 1_000_000_000L;

    private final BenefitSchedule schedule;
    private final EstimateRequest request;
    private final long usedFen;
    private final CareSetting setting;
    private final List<EstimateStep> steps = new ArrayList<>();
    private final Set<String> notes = new LinkedHashSet<>();
    /** Figures without a number, and how the ceiling treats each. */
    private final Map<String, String> unknown = new LinkedHashMap<>();
    private boolean approximate;
    private boolean capApproximate;

    private Estimator(BenefitSchedule schedule, EstimateRequest request, long usedFen) {
        this.schedule = schedule;
        this.request = request;
        this.usedFen = usedFen;
        this.setting = request.setting();
    }

    /**
     * @param fundUsedThisYearFen what the fund has already paid this benefit year in the request's care setting
     *                            (counts against the annual cap); never negative
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
            throw new InvalidEstimateRequest("expenseFen", "请填写费用金额。");
        }
        if (request.setting() == null) {
            throw new InvalidEstimateRequest("setting", "请选择就医类别：住院、普通门诊或两病门诊用药。");
        }
        if (request.facilityLevel() == null) {
            throw new InvalidEstimateRequest("facilityLevel", "请选择医疗机构等级：基层、二级或三级。");
        }
        if (request.remote() == null) {
            throw new InvalidEstimateRequest("remote", "请选择是否异地就医：本地、已备案异地或未备案/临时外出。");
        }
        if (request.expenseFen() <= 0) {
            throw new InvalidEstimateRequest("expenseFen", "费用金额必须大于0元。");
        }
        if (request.expenseFen() > MAX_EXPENSE_FEN) {
            throw new InvalidEstimateRequest("expenseFen", "费用金额不能超过" + yuan(MAX_EXPENSE_FEN / 10000)
                    + "万元，请检查输入。");
        }
    }

    private Estimate run() {
        long expense = request.expenseFen();
        scope(expense);
        coverage();

        Range above = deductible(expense);
        Share share = ratio(above);
        share = remote(above, share);
        Range remaining = cap();

        long upper = Math.min(share.upper(), remaining.upper() == null ? Long.MAX_VALUE : remaining.upper());
        upper = Math.max(0, Math.min(upper, expense));
        Long lower = share.lower();
        boolean lowerAssumesCapNotReached = false;
        if (lower != null) {
            if (remaining.lower() != null) {
                lower = Math.min(lower, remaining.lower());
            } else {
                lowerAssumesCapNotReached = true;
            }
            lower = Math.min(lower, upper);
        }

        // Where an exact cap decides both ends, approximate ratios no longer matter.
        boolean capDecides = remaining.upper() != null && remaining.upper() == upper
                && remaining.upper().equals(remaining.lower()) && !capApproximate;
        Bound bound;
        if (upper == 0) {
            bound = Bound.EXACT;
            lower = 0L;
        } else if (lower != null && lower == upper && !lowerAssumesCapNotReached) {
            bound = approximate && !capDecides ? Bound.APPROXIMATE : Bound.EXACT;
        } else {
            bound = approximate ? Bound.AT_MOST_APPROXIMATE : Bound.AT_MOST;
        }
        Long atLeast = lower != null && (lower > 0 || upper == 0) ? lower : null;
        result(expense, upper, atLeast, bound);
        notes(atLeast != null && lowerAssumesCapNotReached && bound != Bound.EXACT);
        return new Estimate(expense, upper, expense - upper, bound, atLeast, steps, List.copyOf(notes));
    }

    /** An amount with a ceiling and, where the figures give one, a floor. */
    private record Range(Long upper, Long lower) {
    }

    /** The fund's share before the cap: a ceiling, the floor, and the ratio the floor uses (for remote care). */
    private record Share(long upper, Long lower, Long lowerRatio) {
    }

    private void scope(long expense) {
        String what = setting == CareSetting.TWO_DISEASE ? "按全部是两病（高血压、糖尿病）门诊用药、且属于政策范围内计算"
                : "按全部属于政策范围内计算";
        steps.add(new EstimateStep("SCOPE", "费用" + yuan(expense) + "元，" + what
                + "；政策范围外的药品和项目由个人自付，基金实际支付只会更少。", expense, null, null));
    }

    private void coverage() {
        if (setting != CareSetting.TWO_DISEASE) {
            return;
        }
        schedule.twoDiseaseCoverage().ifPresent(start -> {
            steps.add(new EstimateStep("COVERAGE", "两病用药自" + date(start.from()) + "起纳入居民医保基金支付范围"
                    + BenefitLabels.source(start.regionName(), start.citation()) + "：" + start.note(), null,
                    start.citation(), Standing.EXACT));
            if (start.from().getYear() == schedule.benefitYear()
                    && !start.from().equals(LocalDate.of(schedule.benefitYear(), 1, 1))) {
                notes.add(schedule.benefitYear() + "年度只有" + date(start.from()) + "起的两病用药纳入基金支付。");
            }
        });
    }

    private Range deductible(long expense) {
        Figure figure = schedule.deductible(setting, request.facilityLevel());
        String name = BenefitLabels.of(setting) + "起付标准";
        long afterMinimum = figure.known() ? Math.max(0, expense - figure.value()) : expense;
        Range above;
        String text;
        switch (figure.standing()) {
            case EXACT, APPROXIMATE, AVERAGE -> {
                above = new Range(afterMinimum, afterMinimum);
                approximate |= figure.standing().isApproximate();
                text = figure.value() == 0 ? name + "：不设起付标准（0元），全部" + yuan(expense) + "元进入报销。"
                        : name + figure.display() + "：超过起付标准的" + yuan(afterMinimum)
                        + "元进入报销（按本次费用全额承担起付标准计算）。";
            }
            case MINIMUM -> {
                above = new Range(afterMinimum, null);
                text = name + figure.display() + "：当地标准可能更高，进入报销的部分最多" + yuan(afterMinimum) + "元。";
            }
            case MAXIMUM -> {
                above = new Range(expense, afterMinimum);
                text = name + figure.display() + "：进入报销的部分在" + yuan(afterMinimum) + "元至" + yuan(expense)
                        + "元之间。";
            }
            default -> {
                above = new Range(expense, null);
                unknown.put("起付标准", "不扣起付标准");
                text = name + (figure.standing() == Standing.LOCAL_CHOICE ? "由当地确定：" : "未公布：") + figure.note()
                        + "本估算未扣除起付标准，结果是上限。";
            }
        }
        steps.add(new EstimateStep("DEDUCTIBLE", text + source(figure), above.upper(), figure.citation(),
                figure.standing()));
        return above;
    }

    private Share ratio(Range above) {
        Figure figure = schedule.ratio(setting, request.facilityLevel());
        String name = BenefitLabels.of(setting) + "支付比例（" + BenefitLabels.of(request.facilityLevel()) + "）";
        long upper;
        Long lowerRatio;
        String text;
        switch (figure.standing()) {
            case EXACT -> {
                upper = percent(above.upper(), figure.value());
                lowerRatio = figure.value();
                text = name + figure.display() + "：" + yuan(above.upper()) + "元 × " + figure.value() + "% = "
                        + yuan(upper) + "元。";
            }
            case APPROXIMATE, AVERAGE -> {
                approximate = true;
                upper = percent(above.upper(), figure.value());
                lowerRatio = figure.value();
                text = name + figure.display() + "：这是政策范围内基金支付比例的总体水平，不是每张单据的固定比例；按"
                        + figure.value() + "%估算，" + yuan(above.upper()) + "元 × " + figure.value() + "% ≈ "
                        + yuan(upper) + "元。";
            }
            case MINIMUM -> {
                upper = above.upper();
                lowerRatio = figure.value();
                text = name + figure.display() + "：基金至少支付进入报销部分的" + figure.value() + "%"
                        + (above.lower() == null ? "" : "（" + yuan(above.lower()) + "元 × " + figure.value() + "% = "
                        + yuan(percent(above.lower(), figure.value())) + "元）")
                        + "；实际比例可能更高，上限按全部" + yuan(upper) + "元计。";
            }
            case MAXIMUM -> {
                upper = percent(above.upper(), figure.value());
                lowerRatio = null;
                text = name + figure.display() + "：基金最多支付" + yuan(above.upper()) + "元 × " + figure.value() + "% = "
                        + yuan(upper) + "元。";
            }
            default -> {
                upper = above.upper();
                lowerRatio = null;
                unknown.put("支付比例", "比例按全额");
                text = name + (figure.standing() == Standing.LOCAL_CHOICE ? "由当地确定：" : "未公布：") + figure.note()
                        + "上限按全部" + yuan(upper) + "元计。";
            }
        }
        steps.add(new EstimateStep("RATIO", text + source(figure), upper, figure.citation(), figure.standing()));
        return new Share(upper, lowerOf(above, lowerRatio), lowerRatio);
    }

    private static Long lowerOf(Range above, Long ratio) {
        return above.lower() == null || ratio == null ? null : percent(above.lower(), ratio);
    }

    /** Out of area: the ceiling stays (long-term filings keep the local ratio); the floor drops by the most allowed. */
    private Share remote(Range above, Share share) {
        RemoteCare remote = request.remote();
        if (remote == RemoteCare.NONE) {
            return share;
        }
        List<RemoteReduction> applicable = schedule.remoteReductions().stream()
                .filter(r -> (remote == RemoteCare.UNFILED_TEMPORARY) == RemoteReduction.OTHER_TEMPORARY.equals(r.filingType()))
                .toList();
        Optional<RemoteReduction> largest = applicable.stream().max(Comparator.comparingInt(RemoteReduction::maxPoints));
        String situation = remote == RemoteCare.FILED
                ? "已备案的异地就医：异地长期居住类备案按参保地比例报销"
                : "未备案或临时外出就医：按“其他临时外出就医”";
        if (largest.isEmpty()) {
            unknown.put("异地就医报销比例的降低幅度", "不给下限");
            steps.add(new EstimateStep("REMOTE", situation + "；未取得报销比例的降低幅度，无法给出下限，上限不变。", null,
                    null, Standing.UNPUBLISHED));
            return new Share(share.upper(), null, null);
        }
        int points = largest.get().maxPoints();
        String reductions = String.join("、", applicable.stream()
                .map(r -> r.name() + "最多降低" + r.maxPoints() + "个百分点").toList());
        Long lowerRatio = share.lowerRatio() == null ? null : Math.max(0, share.lowerRatio() - points);
        Long lower = lowerOf(above, lowerRatio);
        String consequence = lowerRatio == null ? "支付比例没有可用的下限，上限不变。"
                : "上限不变，下限按" + share.lowerRatio() + "% − " + points + "个百分点 = " + lowerRatio + "%计算"
                + (lower == null ? "。" : "：" + yuan(above.lower()) + "元 × " + lowerRatio + "% = " + yuan(lower) + "元。");
        RemoteReduction used = largest.get();
        steps.add(new EstimateStep("REMOTE", situation + "；" + reductions + "。" + consequence
                + BenefitLabels.source(null, used.citation()), lower, used.citation(), Standing.MAXIMUM));
        return new Share(share.upper(), lower, lowerRatio);
    }

    /** The annual cap, then what is left of it this year after what the fund has already paid. */
    private Range cap() {
        Figure figure = schedule.annualCap(setting);
        String name = BenefitLabels.of(setting) + "年度最高支付限额";
        Long capUpper;
        Long capLower;
        String text;
        switch (figure.standing()) {
            case EXACT, APPROXIMATE, AVERAGE -> {
                capUpper = figure.value();
                capLower = figure.value();
                capApproximate = figure.standing().isApproximate();
                approximate |= capApproximate;
                text = name + figure.display() + "。";
            }
            case MINIMUM -> {
                capUpper = null;
                capLower = figure.value();
                text = name + figure.display() + "：当地限额可能更高，上限不按限额封顶，下限按" + yuan(capLower) + "元计。";
            }
            case MAXIMUM -> {
                capUpper = figure.value();
                capLower = null;
                text = name + figure.display() + "。";
            }
            default -> {
                capUpper = null;
                capLower = null;
                unknown.put("年度最高支付限额", "不按限额封顶");
                text = name + (figure.standing() == Standing.LOCAL_CHOICE ? "由当地确定：" : "未公布：") + figure.note()
                        + "本估算未按限额封顶；本年度基金支付累计超过当地限额的部分，基金不支付。";
            }
        }
        steps.add(new EstimateStep("CAP", text + source(figure), figure.value(), figure.citation(), figure.standing()));

        Long remainingUpper = capUpper == null ? null : Math.max(0, capUpper - usedFen);
        Long remainingLower = capLower == null ? null : Math.max(0, capLower - usedFen);
        String used = "本年度" + BenefitLabels.of(setting) + "基金已支付" + yuan(usedFen) + "元";
        String remainingText;
        if (remainingUpper != null) {
            remainingText = used + "，限额还剩" + yuan(remainingUpper) + "元：本次基金最多支付" + yuan(remainingUpper) + "元。";
        } else if (remainingLower != null) {
            remainingText = used + "，按不低于" + yuan(capLower) + "元的限额，还剩至少" + yuan(remainingLower) + "元。";
        } else {
            remainingText = used + "；限额未知，无法计算还剩多少。";
        }
        steps.add(new EstimateStep("REMAINING_CAP", remainingText,
                remainingUpper != null ? remainingUpper : remainingLower, figure.citation(), figure.standing()));
        return new Range(remainingUpper, remainingLower);
    }

    private void result(long expense, long upper, Long atLeast, Bound bound) {
        String self = bound == Bound.EXACT ? "个人负担" : bound == Bound.APPROXIMATE ? "个人约负担" : "个人至少负担";
        String floor = atLeast == null || bound == Bound.EXACT || bound == Bound.APPROXIMATE ? ""
                : "，至少" + (approximate ? "约" : "") + yuan(atLeast) + "元";
        steps.add(new EstimateStep("RESULT", bound.phrase() + yuan(upper) + "元" + floor + "；" + self
                + yuan(expense - upper) + "元。", upper, null, null));
    }

    private void notes(boolean floorAssumesCapNotReached) {
        if (!unknown.isEmpty()) {
            notes.add(schedule.regionName() + schedule.benefitYear() + "年度" + BenefitLabels.of(setting) + "的"
                    + String.join("、", unknown.keySet()) + "在已收录的文件中没有具体数字，估算按对参保人最有利的情况计算（"
                    + String.join("、", unknown.values()) + "），结果是上限。");
        }
        if (floorAssumesCapNotReached) {
            notes.add("“至少”的金额以本年度基金支付累计未超过" + BenefitLabels.of(setting) + "年度最高支付限额为前提，"
                    + "该限额在已收录的文件中没有具体数字。");
        }
        if (approximate) {
            notes.add("“左右”“平均”的比例是政策范围内基金支付的总体水平，单张单据的实际比例会因医院、病种和费用结构不同而不同。");
        }
        notes.add("估算只供参考，以医保经办机构的实际结算为准。");
    }

    private static String source(Figure figure) {
        return figure.standing() == Standing.UNPUBLISHED ? "" : BenefitLabels.source(figure.regionName(), figure.citation());
    }

    /** Half up to the fen. */
    static long percent(long fen, long percent) {
        return (fen * percent + 50) / 100;
    }

    private static String date(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
