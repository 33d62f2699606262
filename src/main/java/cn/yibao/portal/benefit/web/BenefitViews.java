package cn.yibao.portal.benefit.web;

import cn.yibao.portal.benefit.Benefits;
import cn.yibao.portal.benefit.domain.CareSetting;
import cn.yibao.portal.benefit.domain.Coverage;
import cn.yibao.portal.benefit.domain.SettledBill;
import cn.yibao.portal.benefit.domain.Usage;
import cn.yibao.portal.policy.domain.Money;
import java.util.Arrays;
import java.util.List;

/** What the "我的待遇" page shows, already formatted (yuan, message keys): templates only display. */
final class BenefitViews {

    private BenefitViews() {
    }

    /**
     * {@code state}: COVERED, NOT_STARTED, ENDED (covered, by phase) or NOT_PAID, PAYMENT_PENDING,
     * REGION_NOT_SUPPORTED; it names the message key.
     */
    record CoverageView(String state, String start, String end, boolean lateStart, String source, String paidOn,
                        String paidYuan, String collector, String detail, boolean payHere) {

        static CoverageView of(Coverage coverage) {
            if (coverage instanceof Coverage.Covered covered) {
                String state = switch (covered.phase()) {
                    case IN_FORCE -> "COVERED";
                    case NOT_STARTED -> "NOT_STARTED";
                    case ENDED -> "ENDED";
                };
                return new CoverageView(state, covered.start().toString(), covered.end().toString(),
                        covered.lateStart(), covered.source().name(), covered.paidOn().toString(),
                        Money.yuan(covered.paidFen()), covered.collector(), null, false);
            }
            Coverage.NotCovered not = (Coverage.NotCovered) coverage;
            return new CoverageView(not.why().name(), null, null, false, null, null, null, null, not.detail(),
                    not.payHere());
        }

        public boolean covered() {
            return source != null;
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

    record SettlementView(String settlementNo, String settledOn, String setting, String facilityName,
                          String facilityLevel, String remote, String totalYuan, String fundYuan,
                          String otherTiersYuan, String selfYuan) {

        static SettlementView of(SettledBill bill) {
            return new SettlementView(bill.settlementNo(), bill.settledOn().toString(), bill.setting().name(),
                    bill.facilityName(), bill.facilityLevel().name(), bill.remote().name(), Money.yuan(bill.totalFen()),
                    Money.yuan(bill.fundFen()), Money.yuan(bill.criticalIllnessFen() + bill.assistanceFen()),
                    Money.yuan(bill.selfFen()));
        }
    }

    record PersonView(String id, String maskedName, boolean selected) {
    }

    static List<PersonView> people(List<cn.yibao.portal.resident.domain.Resident> people, Benefits.Overview overview) {
        return people.stream().map(person -> new PersonView(person.id().toString(), person.maskedName(),
                person.id().equals(overview.person().id()))).toList();
    }
}
