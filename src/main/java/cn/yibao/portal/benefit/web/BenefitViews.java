package cn.yibao.portal.benefit.web;

import cn.yibao.portal.benefit.Benefits;
import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.domain.BenefitRule;
import cn.yibao.portal.benefit.domain.BenefitSchedule;
import cn.yibao.portal.benefit.domain.CapUse;
import cn.yibao.portal.benefit.domain.Coverage;
import cn.yibao.portal.benefit.domain.Estimate;
import cn.yibao.portal.benefit.domain.Figure;
import cn.yibao.portal.benefit.domain.InvalidEstimateRequest;
import cn.yibao.portal.benefit.domain.SettledBill;
import cn.yibao.portal.benefit.domain.Usage;
import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.shared.Money;
import cn.yibao.portal.shared.Phrase;
import java.util.Arrays;
import java.util.List;

/** What the "我的待遇" page shows, already formatted (yuan, message keys): templates only display. */
final class BenefitViews {

    private BenefitViews() {
    }

    /** {@code state} is {@link Coverage#status()}: it names the message key. */
    record CoverageView(String state, boolean covered, String start, String end, boolean lateStart, String source,
                        String paidOn, String paidYuan, String collector, Phrase detail, boolean payHere) {

        static CoverageView of(Coverage coverage) {
            if (coverage instanceof Coverage.Covered covered) {
                return new CoverageView(covered.status(), true, covered.start().toString(), covered.end().toString(),
                        covered.lateStart(), covered.source().name(), covered.paidOn().toString(),
                        Money.yuan(covered.paidFen()), covered.collector(), null, false);
            }
            if (coverage instanceof Coverage.ShownBySettlements shown) {
                return new CoverageView(shown.status(), true, shown.firstSettledOn().toString(), null, false, null,
                        null, null, null, null, false);
            }
            Coverage.NotCovered not = (Coverage.NotCovered) coverage;
            return new CoverageView(not.status(), false, null, null, false, null, null, null, null, not.detail(),
                    not.payHere());
        }
    }

    record TotalsView(String setting, int bills, String totalYuan, String fundYuan, String otherTiersYuan,
                      String selfYuan) {

        static TotalsView of(String setting, Usage.Totals totals) {
            return new TotalsView(setting, totals.bills(), Money.yuan(totals.totalFen()), Money.yuan(totals.fundFen()),
                    Money.yuan(totals.otherTiersFen()), Money.yuan(totals.selfFen()));
        }
    }

    static List<TotalsView> totals(Usage usage) {
        List<TotalsView> rows = new java.util.ArrayList<>(Arrays.stream(CareSetting.values())
                .map(setting -> TotalsView.of(setting.name(), usage.of(setting))).toList());
        rows.add(TotalsView.of("ALL", usage.all()));
        return rows;
    }

    record MonthView(int month, int bills, String totalYuan, String fundYuan, String selfYuan) {
    }

    static List<MonthView> months(Usage usage) {
        return usage.months().stream().filter(month -> month.totals().bills() > 0)
                .map(month -> new MonthView(month.month(), month.totals().bills(), Money.yuan(month.totals().totalFen()),
                        Money.yuan(month.totals().fundFen()), Money.yuan(month.totals().selfFen())))
                .toList();
    }

    /** {@code otherTiersYuan} is null when critical-illness insurance and assistance paid nothing. */
    record SettlementView(String settlementNo, String settledOn, String setting, String facilityName,
                          String facilityLevel, String remote, String totalYuan, String fundYuan,
                          String otherTiersYuan, String selfYuan) {

        static SettlementView of(SettledBill bill) {
            long otherTiers = bill.criticalIllnessFen() + bill.assistanceFen();
            return new SettlementView(bill.settlementNo(), bill.settledOn().toString(), bill.setting().name(),
                    bill.facilityName(), bill.facilityLevel().name(), bill.remote().name(), Money.yuan(bill.totalFen()),
                    Money.yuan(bill.fundFen()), otherTiers == 0 ? null : Money.yuan(otherTiers),
                    Money.yuan(bill.selfFen()));
        }
    }

    /** {@code relation} names the message key (relation.SELF, relation.CHILD…). */
    record PersonView(String id, String maskedName, String relation, boolean selected) {
    }

    static List<PersonView> people(List<Benefits.Person> people, Benefits.Overview overview) {
        return people.stream().map(person -> new PersonView(person.resident().id().toString(),
                person.resident().maskedName(), person.relation(),
                person.resident().id().equals(overview.person().id()))).toList();
    }

    /** A rule as the page lists it: the figure, how binding it is, and its document. */
    record RuleView(String key, String setting, Phrase name, String standing, Phrase value, String citation,
                    String regionName, Phrase note) {

        static RuleView of(BenefitRule rule) {
            return new RuleView(rule.key(), rule.setting() == null ? "GENERAL" : rule.setting().name(), rule.name(),
                    rule.standing().name(), rule.value(), citationText(rule.citation()), rule.regionName(), rule.note());
        }
    }

    /** Rules grouped by care setting, in the order a resident reads them; general rules last. */
    record RuleGroup(String setting, List<RuleView> rules) {
    }

    static List<RuleGroup> ruleGroups(BenefitSchedule schedule) {
        List<RuleView> all = schedule.rules().stream().map(RuleView::of).toList();
        return java.util.stream.Stream.of("OUTPATIENT", "TWO_DISEASE", "INPATIENT", "GENERAL")
                .map(setting -> new RuleGroup(setting, all.stream().filter(r -> r.setting().equals(setting)).toList()))
                .filter(group -> !group.rules().isEmpty())
                .toList();
    }

    static String citationText(Citation citation) {
        return citation == null ? null : citation.document() + " " + citation.clause();
    }

    /**
     * One setting's annual cap against this year's fund payments: {@code bar} is an SVG only where the cap is a
     * published figure; {@code standing} names how to read the cap.
     */
    record CapView(String setting, String usedYuan, Phrase capText, String capYuan, String remainingYuan,
                   boolean reached, String standing, String citation, Phrase note, String bar) {

        static CapView of(CapUse use, String barLabel) {
            Figure cap = use.cap();
            Long capFen = use.capFen();
            Long remaining = use.remainingFen();
            return new CapView(use.setting().name(), Money.yuan(use.usedFen()), cap.display(),
                    capFen == null ? null : Money.yuan(capFen), remaining == null ? null : Money.yuan(remaining),
                    use.reached(), cap.standing().name(), citationText(cap.citation()), cap.note(),
                    capFen == null ? null : CapBar.svg(use.usedFen(), capFen, barLabel));
        }
    }

    /** What the estimate form shows back, with the values the resident entered. */
    record EstimateForm(String expense, String setting, String level, String remote, Phrase error, String errorField) {

        static final EstimateForm EMPTY = new EstimateForm("", "OUTPATIENT", "PRIMARY", "NONE", null, null);

        EstimateForm refused(InvalidEstimateRequest invalid) {
            return new EstimateForm(expense, setting, level, remote, invalid.phrase(), invalid.field());
        }
    }

    record StepView(String code, Phrase text, String amountYuan, String citation) {
    }

    /** The fund's share as the headline gives it: "5600", or "4000 至 5600" for an "about" range out of area. */
    static Phrase fundShareYuan(Estimate estimate) {
        return estimate.isRange() ? Phrase.of("benefit.estimate.yuanRange", Money.yuan(estimate.fundPaysFromFen()),
                Money.yuan(estimate.fundPaysFen())) : Phrase.of("text.verbatim", Money.yuan(estimate.fundPaysFen()));
    }

    /** What the resident pays, read the same way: "2400", or "2400 至 4000". */
    static Phrase selfShareYuan(Estimate estimate) {
        long self = estimate.selfPaysFen();
        return estimate.isRange() ? Phrase.of("benefit.estimate.yuanRange", Money.yuan(self),
                Money.yuan(estimate.expenseFen() - estimate.fundPaysFromFen()))
                : Phrase.of("text.verbatim", Money.yuan(self));
    }

    /**
     * {@code fundYuan} and {@code selfYuan} may be ranges ("4000 至 5600"); {@code atMostYuan} only where it says more
     * than {@code fundYuan} (an "about" figure under a true ceiling).
     */
    record EstimateView(String expenseYuan, Phrase fundYuan, Phrase selfYuan, String bound, Phrase phrase,
                        String atLeastYuan, String atMostYuan, String usedYuan, List<StepView> steps, List<Phrase> notes,
                        List<Phrase> warnings) {

        static EstimateView of(Estimate estimate, long usedFen, List<Phrase> warnings) {
            return new EstimateView(Money.yuan(estimate.expenseFen()), fundShareYuan(estimate),
                    selfShareYuan(estimate), estimate.bound().name(), estimate.bound().phrase(),
                    estimate.fundPaysAtLeastFen() == null ? null : Money.yuan(estimate.fundPaysAtLeastFen()),
                    estimate.fundPaysAtMostFen() == estimate.fundPaysFen() ? null : Money.yuan(estimate.fundPaysAtMostFen()),
                    Money.yuan(usedFen),
                    estimate.steps().stream().map(step -> new StepView(step.code(), step.text(),
                            step.amountFen() == null ? null : Money.yuan(step.amountFen()),
                            citationText(step.citation()))).toList(),
                    estimate.notes(), warnings);
        }
    }
}
