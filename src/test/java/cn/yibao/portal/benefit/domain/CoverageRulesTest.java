package cn.yibao.portal.benefit.domain;

import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 20);
    private static final CoverageRules.Unpaid PAYABLE = new CoverageRules.Unpaid(false, true, true, null);

    private static CoverageRules.Paid paid(Coverage.Source source, LocalDate start) {
        return new CoverageRules.Paid(source, LocalDate.of(2023, 11, 20), 38000, "国家税务总局文水县税务局", start,
                LocalDate.of(2024, 12, 31));
    }

    @Test
    void aRecordReportedUpstreamCoversTheWholeYearAndIsInForceMidYear() {
        Coverage coverage = CoverageRules.decide(2024, TODAY,
                List.of(paid(Coverage.Source.UPSTREAM, LocalDate.of(2024, 1, 1))), PAYABLE, List.of());

        assertThat(coverage).isInstanceOfSatisfying(Coverage.Covered.class, covered -> {
            assertThat(covered.phase()).isEqualTo(Coverage.Phase.IN_FORCE);
            assertThat(covered.source()).isEqualTo(Coverage.Source.UPSTREAM);
            assertThat(covered.lateStart()).isFalse();
            assertThat(covered.paidFen()).isEqualTo(38000);
        });
    }

    @Test
    void aLateEnrolmentStartsLaterAndIsNotYetInForceBeforeItsStart() {
        Coverage coverage = CoverageRules.decide(2024, TODAY,
                List.of(paid(Coverage.Source.PORTAL, LocalDate.of(2024, 7, 1))), PAYABLE, List.of());

        assertThat(coverage).isInstanceOfSatisfying(Coverage.Covered.class, covered -> {
            assertThat(covered.phase()).isEqualTo(Coverage.Phase.NOT_STARTED);
            assertThat(covered.lateStart()).isTrue();
        });
    }

    @Test
    void paidBothHereAndUpstreamTheEarlierStartCounts() {
        Coverage coverage = CoverageRules.decide(2024, TODAY, List.of(
                paid(Coverage.Source.PORTAL, LocalDate.of(2024, 3, 1)),
                paid(Coverage.Source.UPSTREAM, LocalDate.of(2024, 1, 1))), PAYABLE, List.of());

        assertThat(((Coverage.Covered) coverage).start()).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void aPastYearHasEndedCover() {
        Coverage coverage = CoverageRules.decide(2023, TODAY, List.of(new CoverageRules.Paid(Coverage.Source.UPSTREAM,
                LocalDate.of(2022, 11, 1), 35000, "税务", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31))), PAYABLE, List.of());

        assertThat(((Coverage.Covered) coverage).phase()).isEqualTo(Coverage.Phase.ENDED);
    }

    @Test
    void nothingPaidWhilePaymentIsPossibleOffersToPay() {
        Coverage coverage = CoverageRules.decide(2024, TODAY, List.of(), PAYABLE, List.of());

        assertThat(coverage).isInstanceOfSatisfying(Coverage.NotCovered.class, not -> {
            assertThat(not.why()).isEqualTo(Coverage.Why.NOT_PAID);
            assertThat(not.payHere()).isTrue();
            assertThat(say(not.detail())).startsWith("本平台未查询到2024年度的参保缴费记录。")
                    .contains("记录同步可能有延迟，请以医保经办机构的记录为准");
        });
    }

    @Test
    void nothingPaidAfterTheWindowSaysWhyAndOffersNoPayment() {
        Coverage coverage = CoverageRules.decide(2024, TODAY, List.of(),
                new CoverageRules.Unpaid(false, true, false,
                        Phrase.of("contribution.closed.windowOver", 2024, "2023-12-25", "")), List.of());

        assertThat(coverage).isInstanceOfSatisfying(Coverage.NotCovered.class, not -> {
            assertThat(not.payHere()).isFalse();
            assertThat(say(not.detail())).contains("集中征缴期已于 2023-12-25 结束");
        });
    }

    @Test
    void anOpenOrderIsPendingNotUnpaid() {
        Coverage coverage = CoverageRules.decide(2024, TODAY, List.of(), new CoverageRules.Unpaid(true, true, true, null), List.of());

        assertThat(((Coverage.NotCovered) coverage).why()).isEqualTo(Coverage.Why.PAYMENT_PENDING);
    }

    @Test
    void aRegionNotServedHereIsSaidSo() {
        Coverage coverage = CoverageRules.decide(2024, TODAY, List.of(), new CoverageRules.Unpaid(false, false, false, Phrase.of("x")), List.of());

        assertThat(((Coverage.NotCovered) coverage).why()).isEqualTo(Coverage.Why.REGION_NOT_SUPPORTED);
    }

    private static SettledBill bill(String date, long fundFen) {
        return new SettledBill("S" + date, LocalDate.parse(date), CareSetting.OUTPATIENT, "卫生院", FacilityLevel.PRIMARY,
                "141121", RemoteCare.NONE, 3000, 3000, fundFen, 0, 0, 3000 - fundFen);
    }

    @Test
    void withoutAContributionRecordTheFundsOwnSettlementsShowThePersonWasInsured() {
        Coverage coverage = CoverageRules.decide(2023, TODAY, List.of(), PAYABLE,
                List.of(bill("2023-10-08", 0), bill("2023-09-22", 1500), bill("2023-09-01", 0)));

        assertThat(coverage).isEqualTo(new Coverage.ShownBySettlements(2023, LocalDate.of(2023, 9, 22)));
    }

    @Test
    void aContributionRecordWinsOverSettlementEvidence() {
        Coverage coverage = CoverageRules.decide(2024, TODAY,
                List.of(paid(Coverage.Source.UPSTREAM, LocalDate.of(2024, 1, 1))), PAYABLE,
                List.of(bill("2024-02-01", 1500)));

        assertThat(coverage).isInstanceOf(Coverage.Covered.class);
    }
}
