package cn.yibao.portal.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import cn.yibao.portal.text.RealBundles;

import cn.yibao.portal.contribution.api.DueStanding;
import cn.yibao.portal.contribution.api.Quote;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.shared.DateRange;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Whether an order may be placed and for how much. Figures: 文水县 2024, adult standard 380 元 (38000 分); a 低保
 * resident with 200 元 assistance owes 180 元; a 特困 resident is fully subsidised and owes nothing.
 */
class OrderRulesTest {

    private static final UUID SELF = UUID.randomUUID();
    private static final UUID CHILD = UUID.randomUUID();
    private static final UUID SPOUSE = UUID.randomUUID();

    private static QuoteResult due(long standardFen, long assistanceFen) {
        return new QuoteResult.Quoted(quote(standardFen, assistanceFen, true, null));
    }

    private static Quote quote(long standardFen, long assistanceFen, boolean payable, String reason) {
        return quote(standardFen, assistanceFen, payable, reason, DueStanding.EXACT);
    }

    private static Quote quote(long standardFen, long assistanceFen, boolean payable, String reason,
                               DueStanding standing) {
        return new Quote("141121", "文水县", 2024, standardFen, assistanceFen, standardFen - assistanceFen, null,
                List.of(), payable, reason == null ? null : Phrase.of("contribution.note.document", reason), new DateRange(LocalDate.of(2023, 9, 1), LocalDate.of(2023, 12, 31)),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null, List.of(),
                List.of(new Citation("晋医保发〔2023〕14号", "一", "140000")), List.of(), List.of(), standing,
                Phrase.of("contribution.headline.standard", 2024, standing.words(), (standardFen - assistanceFen) / 100,
                        new Verbatim("文水县")), null);
    }

    private static OrderRules.Candidate person(UUID id, String name, QuoteResult quote) {
        return new OrderRules.Candidate(id, name, quote, false, false);
    }

    @Test
    void theTotalIsTheSumOfWhatEachPersonOwesAfterAssistance() {
        OrderRules.Decision decision = OrderRules.plan(List.of(
                person(SELF, "韩*", due(38000, 0)),
                person(CHILD, "韩**", due(38000, 20000)),
                person(SPOUSE, "林*", due(38000, 0))));

        assertThat(decision).isInstanceOf(OrderRules.Plan.class);
        OrderRules.Plan plan = (OrderRules.Plan) decision;
        assertThat(plan.totalFen()).isEqualTo(38000 + 18000 + 38000);
        assertThat(plan.lines()).extracting(OrderRules.Line::insuredId).containsExactly(SELF, CHILD, SPOUSE);
        assertThat(plan.lines()).extracting(OrderRules.Line::amountFen).containsExactly(38000L, 18000L, 38000L);
        assertThat(plan.totalFen()).isEqualTo(plan.lines().stream().mapToLong(OrderRules.Line::amountFen).sum());
    }

    @Test
    void aSinglePersonPaysTheirOwnDue() {
        OrderRules.Plan plan = (OrderRules.Plan) OrderRules.plan(List.of(person(SELF, "韩*", due(38000, 0))));
        assertThat(plan.totalFen()).isEqualTo(38000);
        assertThat(plan.lines()).singleElement().satisfies(line -> assertThat(line.quote().standardFen()).isEqualTo(38000));
    }

    @Test
    void aPersonAlreadyPaidForTheYearIsAConflict() {
        OrderRules.Decision decision = OrderRules.plan(List.of(person(SELF, "韩*", due(38000, 0)),
                new OrderRules.Candidate(CHILD, "韩**", due(38000, 0), true, false)));

        assertThat(decision).isInstanceOfSatisfying(OrderRules.Refused.class, refused -> {
            assertThat(refused.conflict()).isTrue();
            assertThat(refused.field()).isEqualTo("insured");
            assertThat(RealBundles.zh(refused.message())).contains("韩**").contains("已缴费");
        });
    }

    @Test
    void aPersonInAnOpenOrderIsAConflict() {
        OrderRules.Decision decision = OrderRules.plan(List.of(
                new OrderRules.Candidate(SELF, "韩*", due(38000, 0), false, true)));

        assertThat(decision).isInstanceOfSatisfying(OrderRules.Refused.class, refused -> {
            assertThat(refused.conflict()).isTrue();
            assertThat(RealBundles.zh(refused.message())).contains("未完成");
        });
    }

    @Test
    void aPersonNamedTwiceIsRefusedAsABadRequest() {
        OrderRules.Decision decision = OrderRules.plan(List.of(person(SELF, "韩*", due(38000, 0)),
                person(SELF, "韩*", due(38000, 0))));

        assertThat(decision).isInstanceOfSatisfying(OrderRules.Refused.class, refused -> {
            assertThat(refused.conflict()).isFalse();
            assertThat(RealBundles.zh(refused.message())).contains("重复");
        });
    }

    @Test
    void aFullySubsidisedPersonWithNothingDueIsRefused() {
        OrderRules.Decision decision = OrderRules.plan(List.of(person(SELF, "韩*", due(38000, 0)),
                person(CHILD, "韩**", due(38000, 38000))));

        assertThat(decision).isInstanceOfSatisfying(OrderRules.Refused.class, refused -> {
            assertThat(refused.conflict()).isFalse();
            assertThat(RealBundles.zh(refused.message())).contains("韩**").contains("全额资助");
        });
    }

    @Test
    void aQuoteThatCannotBePaidNowIsRefusedWithItsReason() {
        QuoteResult closedWindow = new QuoteResult.Quoted(quote(38000, 0, false, "不在缴费期内"));

        OrderRules.Decision decision = OrderRules.plan(List.of(person(SELF, "韩*", closedWindow)));

        assertThat(decision).isInstanceOfSatisfying(OrderRules.Refused.class, refused -> {
            assertThat(refused.conflict()).isFalse();
            assertThat(refused.field()).isEqualTo("year");
            assertThat(RealBundles.zh(refused.message())).contains("不在缴费期内");
        });
    }

    @Test
    void aPersonWithoutAPolicyOrWithARejectedQuoteIsRefused() {
        assertThat(OrderRules.plan(List.of(person(SELF, "韩*", new QuoteResult.NoPolicy("year", Phrase.of("contribution.note.document", "没有2026年度的缴费标准"))))))
                .isInstanceOfSatisfying(OrderRules.Refused.class, refused -> {
                    assertThat(refused.conflict()).isFalse();
                    assertThat(RealBundles.zh(refused.message())).contains("没有2026年度的缴费标准");
                });
        assertThat(OrderRules.plan(List.of(person(SELF, "韩*", new QuoteResult.Rejected("grade", Phrase.of("contribution.note.document", "档次无效"))))))
                .isInstanceOfSatisfying(OrderRules.Refused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("grade");
                    assertThat(refused.conflict()).isFalse();
                });
    }

    /**
     * Issue #16, item 1: a floor (闽医保〔2023〕78号 一), an average (鲁医保发〔2023〕36号 一), a national figure or a standard
     * before unpublished assistance is never an order's amount, even from a quote that claims to be payable.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} is never charged")
    @org.junit.jupiter.params.provider.EnumSource(value = DueStanding.class, names = "EXACT",
            mode = org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE)
    void onlyAPublishedExactAmountIsCharged(DueStanding standing) {
        OrderRules.Decision decision = OrderRules.plan(List.of(person(SELF, "欧阳*",
                new QuoteResult.Quoted(quote(38000, 0, true, null, standing)))));

        assertThat(decision).isInstanceOfSatisfying(OrderRules.Refused.class, refused -> {
            assertThat(refused.conflict()).isFalse();
            assertThat(RealBundles.zh(refused.message())).contains("欧阳*", "不是已公布的应缴金额", "不收取");
        });
    }

    @Test
    void anEmptyOrderIsRefused() {
        assertThat(OrderRules.plan(List.of())).isInstanceOfSatisfying(OrderRules.Refused.class,
                refused -> assertThat(refused.conflict()).isFalse());
    }

    @Test
    void oneRefusedPersonRefusesTheWholeOrder() {
        OrderRules.Decision decision = OrderRules.plan(List.of(person(SELF, "韩*", due(38000, 0)),
                person(SPOUSE, "林*", due(38000, 0)),
                new OrderRules.Candidate(CHILD, "韩**", due(38000, 0), true, false)));

        assertThat(decision).isInstanceOf(OrderRules.Refused.class);
    }
}
