package cn.yibao.portal.benefit.domain;

import static cn.yibao.portal.benefit.domain.BenefitFiguresTest.schedule;
import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import cn.yibao.portal.shared.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every region in the catalog, every setting, facility level and remote option, and a spread of amounts and
 * usages (including usage above the cap): the three amounts are ordered and within the bill, and every word
 * ("最多", "至少", "约") is true of the number it stands before.
 */
class EstimatorInvariantsTest {

    private static final List<String> REGIONS = List.of("141121", "371000", "210100", "350100");
    private static final List<Integer> YEARS = List.of(2023, 2024);
    private static final long[] EXPENSES = {1, 12_345, 50_000, 800_000, Estimator.MAX_EXPENSE_FEN};
    private static final long[] USAGES = {0, 12_000, 30_000, 35_000, 10_000_000};
    private static final Pattern AT_MOST_AMOUNT = Pattern.compile("基金最多支付([0-9.]+)元|，最多支付([0-9.]+)元");
    private static final Map<String, BenefitSchedule> SCHEDULES = new HashMap<>();

    static Stream<Arguments> everyRegionYearSettingLevelAndRemoteOption() {
        List<Arguments> cases = new ArrayList<>();
        for (String region : REGIONS) {
            for (int year : YEARS) {
                for (CareSetting setting : CareSetting.values()) {
                    for (FacilityLevel level : FacilityLevel.values()) {
                        for (RemoteCare remote : RemoteCare.values()) {
                            cases.add(Arguments.of(region, year, setting, level, remote));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}年度 {2} {3} {4}")
    @MethodSource("everyRegionYearSettingLevelAndRemoteOption")
    void everyAmountIsOrderedAndEveryWordIsTrue(String region, int year, CareSetting setting, FacilityLevel level,
                                                RemoteCare remote) {
        BenefitSchedule schedule = SCHEDULES.computeIfAbsent(region + "/" + year, key -> schedule(region, year));
        for (long expense : EXPENSES) {
            for (long used : USAGES) {
                Estimate estimate = Estimator.estimate(schedule, new EstimateRequest(expense, setting, level, remote),
                        used);
                String what = region + " " + year + " " + setting + " " + level + " " + remote + " " + expense
                        + "分, 已用" + used + "分: " + estimate;
                checkAmounts(estimate, what);
                checkWords(estimate, what);
            }
        }
    }

    private static void checkAmounts(Estimate estimate, String what) {
        long floor = estimate.fundPaysAtLeastFen() == null ? 0 : estimate.fundPaysAtLeastFen();
        assertThat(floor).as("floor ≥ 0: %s", what).isNotNegative();
        assertThat(estimate.fundPaysFromFen()).as("range's low end ≥ floor: %s", what).isGreaterThanOrEqualTo(floor);
        assertThat(estimate.fundPaysFen()).as("fund ≥ range's low end: %s", what)
                .isGreaterThanOrEqualTo(estimate.fundPaysFromFen());
        assertThat(estimate.fundPaysAtMostFen()).as("ceiling ≥ fund: %s", what)
                .isGreaterThanOrEqualTo(estimate.fundPaysFen());
        assertThat(estimate.fundPaysAtMostFen()).as("ceiling ≤ expense: %s", what)
                .isLessThanOrEqualTo(estimate.expenseFen());
        assertThat(estimate.selfPaysFen()).as("self: %s", what)
                .isEqualTo(estimate.expenseFen() - estimate.fundPaysFen()).isNotNegative();
    }

    private static void checkWords(Estimate estimate, String what) {
        EstimateStep ratio = step(estimate, "RATIO");
        EstimateStep result = step(estimate, "RESULT");
        switch (estimate.bound()) {
            case AT_MOST -> {
                assertThat(ratio.standing().isApproximate()).as("a ceiling never rests on a target level: %s", what)
                        .isFalse();
                assertThat(estimate.fundPaysAtMostFen()).isEqualTo(estimate.fundPaysFen());
                assertThat(say(result.text())).as(what).contains("个人至少负担").doesNotContain("约");
            }
            case APPROXIMATE -> {
                assertThat(ratio.standing().isApproximate()).as("about only for a target level: %s", what).isTrue();
                assertThat(estimate.fundPaysAtLeastFen()).as(what).isNull();
                assertThat(say(result.text())).as(what).contains("个人约负担").doesNotContain("至少");
            }
            case EXACT -> {
                assertThat(estimate.fundPaysAtMostFen()).isEqualTo(estimate.fundPaysFen());
                assertThat(estimate.fundPaysAtLeastFen()).as(what).isEqualTo(estimate.fundPaysFen());
                assertThat(say(result.text())).as(what).doesNotContain("约", "最多", "至少");
            }
        }
        assertThat(say(result.text())).as("the headline gives the range's ends, or the one figure: %s", what)
                .startsWith(say(estimate.bound().phrase()) + (estimate.isRange()
                        ? Money.yuan(estimate.fundPaysFromFen()) + "至" : "") + Money.yuan(estimate.fundPaysFen()) + "元");
        if (estimate.isRange()) {
            assertThat(estimate.bound()).as("only an about figure is a range: %s", what).isEqualTo(Bound.APPROXIMATE);
            assertThat(step(estimate, "REMOTE").amountFen()).as("the REMOTE step computes the low end: %s", what)
                    .isGreaterThanOrEqualTo(estimate.fundPaysFromFen());
        }
        Matcher atMost = AT_MOST_AMOUNT.matcher(say(result.text()));
        while (atMost.find()) {
            String amount = atMost.group(1) != null ? atMost.group(1) : atMost.group(2);
            assertThat(amount).as("every 最多 in the result is the true ceiling: %s", what)
                    .isEqualTo(Money.yuan(estimate.fundPaysAtMostFen()));
        }
        List<String> texts = new ArrayList<>(say(estimate.notes()));
        estimate.steps().forEach(step -> texts.add(say(step.text())));
        assertThat(texts).as(what).noneSatisfy(text -> assertThat(text).containsAnyOf("最多约", "至少约", "约最多"));
        if (estimate.bound() == Bound.APPROXIMATE) {
            assertThat(texts).as("an about figure is never called a ceiling: %s", what)
                    .noneSatisfy(text -> assertThat(text).contains("结果是上限"));
        }
        if (estimate.fundPaysFen() == 0 && estimate.steps().stream().anyMatch(step -> step.code().equals("REMAINING_CAP")
                && Long.valueOf(0).equals(step.amountFen()) && step.standing() != Standing.MINIMUM)) {
            assertThat(say(step(estimate, "REMAINING_CAP").text())).as(what).contains("限额已用完", "本次基金不再支付");
        }
    }

    private static EstimateStep step(Estimate estimate, String code) {
        return estimate.steps().stream().filter(step -> step.code().equals(code)).findFirst().orElseThrow();
    }
}
