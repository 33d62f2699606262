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
    /** Why an "about" amount may be lower than shown: figures it counts at their most favourable. */
    private final Set<String> mayBeLess = new LinkedHashSet<>();
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

    private Estimator(BenefitSchedule schedule, EstimateRequest request, long usedFen) {
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

        Range entering = deductible(expense);
        Share share = ratio(entering);
        share = remote(entering, share);
        Range left = cap();

        long most = clamp(Math.min(share.most(), left.upper() == null ? Long.MAX_VALUE : left.upper()), expense);
        long about = Math.min(clamp(Math.min(share.about(), left.upper() == null ? Long.MAX_VALUE : left.upper()),
                expense), most);
        Long least = share.least();
        if (least != null) {
            if (capGivesNoFloor) {
                least = null;
            } else {
                least = Math.min(Math.min(least, left.lower() == null ? Long.MAX_VALUE : left.lower()), about);
            }
        }
        boolean floorIsConditional = least != null && left.lower() == null && floorAssumesCapNotReached;

        Bound bound;
        if (most == 0) {
            bound = Bound.EXACT;
            about = 0;
            least = 0L;
        } else if (approximate) {
            bound = Bound.APPROXIMATE;
        } else if (least != null && least == most && !floorIsConditional) {
            bound = Bound.EXACT;
        } else {
            bound = Bound.AT_MOST;
        }
        long fund = bound == Bound.APPROXIMATE ? about : most;
        long from = bound == Bound.APPROXIMATE && aboutAtLargestReduction != null
                ? Math.min(clamp(Math.min(aboutAtLargestReduction, left.upper() == null ? Long.MAX_VALUE : left.upper()),
                        expense), fund)
                : fund;
        Long atLeast = least != null && (least > 0 || most == 0) ? least : null;
        result(expense, from, fund, most, atLeast, bound);
        notes(bound, most, atLeast != null && floorIsConditional && bound != Bound.EXACT);
        return new Estimate(expense, fund, expense - fund, bound, atLeast, steps, List.copyOf(notes), most, from);
    }

    private static long clamp(long amount, long expense) {
        return Math.max(0, Math.min(amount, expense));
    }

    /** An amount with a ceiling and, where the figures give one, a floor ({@code null}: none). */
    private record Range(Long upper, Long lower) {
    }

    /**
     * The fund's share before the cap: the ceiling, the "about" amount (the ceiling unless the ratio is a target
     * level), the floor, and the ratio the floor uses (for remote care).
     */
    private record Share(long most, long about, Long least, Long floorRatio) {
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

    /** What enters reimbursement after the deductible: the ceiling counts any deductible it cannot be sure of as 0. */
    private Range deductible(long expense) {
        Figure figure = schedule.deductible(setting, request.facilityLevel());
        String name = BenefitLabels.of(setting) + "起付标准";
        long afterValue = figure.known() ? Math.max(0, expense - figure.value()) : expense;
        Range entering;
        String text;
        switch (figure.standing()) {
            case EXACT -> {
                entering = new Range(afterValue, afterValue);
                text = figure.value() == 0 ? name + "：不设起付标准（0元），全部" + yuan(expense) + "元进入报销。"
                        : name + figure.display() + "：超过起付标准的" + yuan(afterValue)
                        + "元进入报销（按本次费用全额承担起付标准计算）。";
            }
            case MINIMUM -> {
                entering = new Range(afterValue, null);
                mayBeLess.add("起付标准可能高于" + yuan(figure.value()) + "元");
                text = name + figure.display() + "：当地标准可能更高，进入报销的部分最多" + yuan(afterValue) + "元。";
            }
            case MAXIMUM -> {
                entering = new Range(expense, afterValue);
                mayBeLess.add("起付标准未扣除");
                text = name + figure.display() + "：进入报销的部分在" + yuan(afterValue) + "元至" + yuan(expense)
                        + "元之间，估算按未扣除起付标准、" + yuan(expense) + "元计。";
            }
            case APPROXIMATE, AVERAGE -> {
                entering = new Range(expense, null);
                mayBeLess.add("起付标准未扣除");
                text = name + figure.display() + "：这是总体水平，不是每张单据的固定标准；估算未扣除起付标准，按"
                        + yuan(expense) + "元计，实际进入报销的部分可能更少。";
            }
            default -> {
                entering = new Range(expense, null);
                String why = figure.standing() == Standing.LOCAL_CHOICE ? "由当地确定" : "未公布";
                unknown.put("起付标准", "不扣起付标准");
                mayBeLess.add("起付标准" + why + "，未扣除");
                text = name + why + "：" + figure.note() + "本估算未扣除起付标准，按" + yuan(expense)
                        + "元全部进入报销计，实际进入报销的部分可能更少。";
            }
        }
        steps.add(new EstimateStep("DEDUCTIBLE", text + source(figure), entering.upper(), figure.citation(),
                figure.standing()));
        return entering;
    }

    private Share ratio(Range entering) {
        Figure figure = schedule.ratio(setting, request.facilityLevel());
        String name = BenefitLabels.of(setting) + "支付比例（" + BenefitLabels.of(request.facilityLevel()) + "）";
        long base = entering.upper();
        Share share;
        String text;
        switch (figure.standing()) {
            case EXACT -> {
                long paid = percent(base, figure.value());
                share = new Share(paid, paid, lowerOf(entering, figure.value()), figure.value());
                text = name + figure.display() + "：" + yuan(base) + "元 × " + figure.value() + "% = " + yuan(paid) + "元。";
            }
            case APPROXIMATE, AVERAGE -> {
                approximate = true;
                long about = percent(base, figure.value());
                share = new Share(base, about, null, null);
                text = name + figure.display() + "：这是政策范围内基金支付比例的总体水平，不是每张单据的固定比例，"
                        + "也不是上限，单张单据的比例可能高于或低于" + figure.value() + "%。按" + figure.value() + "%估算："
                        + yuan(base) + "元 × " + figure.value() + "% ≈ " + yuan(about) + "元；上限按比例100%计，为"
                        + yuan(base) + "元。";
            }
            case MINIMUM -> {
                share = new Share(base, base, lowerOf(entering, figure.value()), figure.value());
                text = name + figure.display() + "：基金至少支付进入报销部分的" + figure.value() + "%"
                        + (entering.lower() == null ? "" : "（" + yuan(entering.lower()) + "元 × " + figure.value()
                        + "% = " + yuan(percent(entering.lower(), figure.value())) + "元）")
                        + "；实际比例可能更高，上限按比例100%计，为" + yuan(base) + "元。";
            }
            case MAXIMUM -> {
                long paid = percent(base, figure.value());
                share = new Share(paid, paid, null, null);
                text = name + figure.display() + "：基金最多支付" + yuan(base) + "元 × " + figure.value() + "% = "
                        + yuan(paid) + "元；比例可能更低，无法给出下限。";
            }
            default -> {
                share = new Share(base, base, null, null);
                unknown.put("支付比例", "比例按100%");
                text = name + (figure.standing() == Standing.LOCAL_CHOICE ? "由当地确定：" : "未公布：") + figure.note()
                        + "上限按比例100%计，为" + yuan(base) + "元。";
            }
        }
        steps.add(new EstimateStep("RATIO", text + source(figure), share.about(), figure.citation(), figure.standing()));
        return share;
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
        String situation = remote == RemoteCare.FILED
                ? "已备案的异地就医：异地长期居住类备案按参保地比例报销"
                : "未备案或临时外出就医：按“其他临时外出就医”";
        if (largest.isEmpty()) {
            if (approximate) {
                mayBeLess.add("异地就医的报销比例可能降低");
            }
            unknown.put("异地就医报销比例的降低幅度", "异地按参保地比例");
            steps.add(new EstimateStep("REMOTE", situation + "；未取得报销比例的降低幅度，"
                    + (approximate ? "“约”的金额按参保地比例计算，异地实际可能更少；" : "无法给出下限；") + "上限不变。",
                    null, null, Standing.UNPUBLISHED));
            return new Share(share.most(), share.about(), null, null);
        }
        RemoteReduction used = largest.get();
        int points = used.maxPoints();
        String reductions = String.join("、", applicable.stream()
                .map(r -> r.name() + "最多降低" + r.maxPoints() + "个百分点").toList());
        Long floorRatio = share.floorRatio() == null ? null : Math.max(0, share.floorRatio() - points);
        Long lower = lowerOf(entering, floorRatio);
        Long stepAmount = lower;
        String consequence;
        if (floorRatio != null) {
            consequence = "上限不变，下限按" + share.floorRatio() + "% − " + points + "个百分点 = " + floorRatio + "%计算"
                    + (lower == null ? "。" : "：" + yuan(entering.lower()) + "元 × " + floorRatio + "% = " + yuan(lower) + "元。");
        } else if (approximate) {
            long level = schedule.ratio(setting, request.facilityLevel()).value();
            long reduced = Math.max(0, level - points);
            aboutAtLargestReduction = percent(entering.upper(), reduced);
            stepAmount = aboutAtLargestReduction;
            consequence = "“约”的金额因此是一个范围：按最多降低的幅度，比例约为" + level + "% − " + points + "个百分点 = "
                    + reduced + "%，约" + yuan(aboutAtLargestReduction) + "元；不降低，按参保地" + level + "%左右的水平，约"
                    + yuan(share.about()) + "元；上限不变。";
        } else {
            consequence = "支付比例没有可用的下限，上限不变。";
        }
        steps.add(new EstimateStep("REMOTE", situation + "；" + reductions + "。" + consequence
                + BenefitLabels.source(null, used.citation()), stepAmount, used.citation(), Standing.MAXIMUM));
        return new Share(share.most(), share.about(), lower, floorRatio);
    }

    /** The annual cap, then what is left of it this year after what the fund has already paid. */
    private Range cap() {
        Figure figure = schedule.annualCap(setting);
        String name = BenefitLabels.of(setting) + "年度最高支付限额";
        Long capUpper;
        Long capLower;
        String text;
        switch (figure.standing()) {
            case EXACT -> {
                capUpper = figure.value();
                capLower = figure.value();
                text = name + figure.display() + "。";
            }
            case MINIMUM -> {
                capUpper = null;
                capLower = figure.value();
                mayBeLess.add("未按年度最高支付限额封顶");
                text = name + figure.display() + "：当地限额可能更高，本估算不按限额封顶，下限按" + yuan(capLower) + "元计。";
            }
            case MAXIMUM -> {
                capUpper = figure.value();
                capLower = null;
                capGivesNoFloor = true;
                mayBeLess.add("年度最高支付限额可能更低");
                text = name + figure.display() + "：当地限额可能更低，基金最多按" + yuan(capUpper) + "元封顶。";
            }
            case APPROXIMATE, AVERAGE -> {
                capUpper = null;
                capLower = null;
                capGivesNoFloor = true;
                mayBeLess.add("未按年度最高支付限额封顶");
                text = name + figure.display() + "：这是总体水平，不是固定限额；本估算不按限额封顶。";
            }
            default -> {
                capUpper = null;
                capLower = null;
                floorAssumesCapNotReached = true;
                String why = figure.standing() == Standing.LOCAL_CHOICE ? "由当地确定" : "未公布";
                unknown.put("年度最高支付限额", "不按限额封顶");
                mayBeLess.add("年度最高支付限额" + why + "，未封顶");
                text = name + why + "：" + figure.note()
                        + "本估算未按限额封顶；本年度基金支付累计超过当地限额的部分，基金不支付。";
            }
        }
        steps.add(new EstimateStep("CAP", text + source(figure), figure.value(), figure.citation(), figure.standing()));

        Long remainingUpper = capUpper == null ? null : Math.max(0, capUpper - usedFen);
        Long remainingLower = capLower == null ? null : Math.max(0, capLower - usedFen);
        String used = "本年度" + BenefitLabels.of(setting) + "基金已支付" + yuan(usedFen) + "元";
        String remainingText;
        if (remainingUpper != null && remainingUpper == 0) {
            String capText = figure.standing() == Standing.EXACT ? "年度最高支付限额" + yuan(capUpper) + "元"
                    : "年度最高支付限额（" + figure.display() + "）";
            remainingText = used + "，" + (usedFen > capUpper ? "超过" : "已达到") + capText
                    + "，限额已用完：本次基金不再支付（0元）。";
        } else if (remainingUpper != null) {
            remainingText = used + "，限额" + (figure.standing() == Standing.EXACT ? "" : "最多") + "还剩"
                    + yuan(remainingUpper) + "元：本次基金最多支付" + yuan(remainingUpper) + "元。";
        } else if (remainingLower != null && remainingLower == 0) {
            remainingText = used + "，已达到不低于" + yuan(capLower) + "元的限额的最低标准；当地限额可能更高，"
                    + "无法确定是否还有剩余。";
        } else if (remainingLower != null) {
            remainingText = used + "，按不低于" + yuan(capLower) + "元的限额，还剩至少" + yuan(remainingLower) + "元。";
        } else {
            remainingText = used + "；限额" + (figure.known() ? "不是固定数字" : "未知") + "，无法计算还剩多少。";
        }
        steps.add(new EstimateStep("REMAINING_CAP", remainingText,
                remainingUpper != null ? remainingUpper : remainingLower, figure.citation(), figure.standing()));
        return new Range(remainingUpper, remainingLower);
    }

    /** {@code from} below {@code fund} only for an "about" range out of area. */
    private void result(long expense, long from, long fund, long most, Long atLeast, Bound bound) {
        String self = yuan(expense - fund) + "元。";
        String text = switch (bound) {
            case EXACT -> "基金支付" + yuan(fund) + "元；个人负担" + self;
            case AT_MOST -> "基金最多支付" + yuan(fund) + "元" + (atLeast == null ? "" : "，至少" + yuan(atLeast) + "元")
                    + "；个人至少负担" + self;
            case APPROXIMATE -> "基金约支付" + (from < fund ? yuan(from) + "至" : "") + yuan(fund) + "元"
                    + (mayBeLess.isEmpty() ? "" : "（" + String.join("；", mayBeLess) + "；实际可能更少）")
                    + (most > fund && most < expense ? "，最多支付" + yuan(most) + "元" : "") + "；个人约负担"
                    + (from < fund ? yuan(expense - fund) + "至" + yuan(expense - from) + "元。" : self);
        };
        steps.add(new EstimateStep("RESULT", text, fund, null, null));
    }

    private void notes(Bound bound, long most, boolean floorAssumesCapNotReached) {
        // When the fund certainly pays nothing (cap used up, bill under the deductible), missing figures change nothing.
        if (!unknown.isEmpty() && most > 0) {
            String head = schedule.regionName() + schedule.benefitYear() + "年度" + BenefitLabels.of(setting) + "的"
                    + String.join("、", unknown.keySet()) + "在已收录的文件中没有具体数字，";
            String how = "（" + String.join("、", unknown.values()) + "）";
            notes.add(bound == Bound.APPROXIMATE
                    ? head + "“约”的金额按对参保人最有利的情况计算" + how + "，实际可能更少。"
                    : head + "估算按对参保人最有利的情况计算" + how + "，结果是上限。");
        }
        if (floorAssumesCapNotReached) {
            notes.add("“至少”的金额以本年度基金支付累计未超过" + BenefitLabels.of(setting) + "年度最高支付限额为前提，"
                    + "该限额在已收录的文件中没有具体数字。");
        }
        if (bound == Bound.APPROXIMATE) {
            notes.add("“左右”“平均”的比例是政策范围内基金支付的总体水平，不是上限：单张单据的实际比例会因医院、病种和"
                    + "费用结构不同而高于或低于这一水平，所以“约”的金额不是最多能报的金额；无论实际比例多少，本次基金最多支付"
                    + yuan(most) + "元。");
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
