package cn.yibao.portal.contribution.domain;

import static cn.yibao.portal.contribution.domain.TestQuotes.quote;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.contribution.api.ContributionStanding.PortalPayment;
import cn.yibao.portal.contribution.api.ContributionStanding.UpstreamPayment;
import cn.yibao.portal.contribution.api.ContributionStanding;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #17, item 1: a person's state comes first and a payment recorded anywhere wins over what the quote says is
 * due — who has paid (here or at the tax bureau) is never told that they owe.
 */
class ContributionStandingTest {

    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID PAYER = UUID.randomUUID();
    private static final LocalDate IN_WINDOW = LocalDate.of(2023, 10, 15);

    private static QuoteResult wenshuiAdult2024() {
        return quote("141121", 2024, Category.ADULT, AssistanceStatus.NONE, null, false, Enrolment.REGULAR, null,
                IN_WINDOW);
    }

    @Test
    void anAdultInWenshuiWithNothingOnRecordOwes380ByTheLastDayOfTheWindow() {
        ContributionStanding standing = ContributionStanding.decide(wenshuiAdult2024(), List.of(), List.of());

        assertThat(standing).isEqualTo(new ContributionStanding.Due(38000, LocalDate.of(2023, 12, 25), 0));
        assertThat(standing.payableNowFen()).contains(38000L);
        assertThat(standing.paid()).isFalse();
    }

    @Test
    void aPaymentOnThePortalIsPaidNotDue() {
        ContributionStanding standing = ContributionStanding.decide(wenshuiAdult2024(), List.of(new PortalPayment(
                PortalPayment.Kind.PAID, ORDER, PAYER, 38000, IN_WINDOW, "R1", null)), List.of());

        assertThat(standing).isEqualTo(new ContributionStanding.PaidHere(IN_WINDOW, 38000, ORDER, "R1", PAYER));
        assertThat(standing.paid()).isTrue();
        assertThat(standing.payableNowFen()).isEmpty();
    }

    @Test
    void the2023YearPaidAtTheTaxBureauIsPaidAlthoughThePortalCannotTakeIt() {
        QuoteResult year2023 = quote("141121", 2023, Category.ADULT, AssistanceStatus.NONE, null, false,
                Enrolment.REGULAR, null, IN_WINDOW);
        UpstreamPayment taxBureau = new UpstreamPayment(LocalDate.of(2022, 11, 18), 35000, "国家税务总局文水县税务局",
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));

        ContributionStanding standing = ContributionStanding.decide(year2023, List.of(), List.of(taxBureau));

        assertThat(standing).isInstanceOf(ContributionStanding.PaidElsewhere.class);
        assertThat(((ContributionStanding.PaidElsewhere) standing).collector()).isEqualTo("国家税务总局文水县税务局");
        assertThat(ContributionStanding.decide(year2023, List.of(), List.of()))
                .as("without the record the same year is not payable here")
                .isInstanceOf(ContributionStanding.NotPayableHere.class);
    }

    @Test
    void anOrderWaitingForPaymentIsNeitherPaidNorDueAgain() {
        ContributionStanding standing = ContributionStanding.decide(wenshuiAdult2024(), List.of(new PortalPayment(
                PortalPayment.Kind.OPEN, ORDER, PAYER, 38000, null, null, null)), List.of());

        assertThat(standing).isEqualTo(new ContributionStanding.AwaitingPayment(ORDER, 38000, PAYER));
        assertThat(standing.payableNowFen()).isEmpty();
    }

    @Test
    void aPaymentWhoseRefundIsUnderWayIsNeitherPaidNorDueYet() {
        ContributionStanding standing = ContributionStanding.decide(wenshuiAdult2024(), List.of(new PortalPayment(
                PortalPayment.Kind.REFUNDING, ORDER, PAYER, 38000, IN_WINDOW, "R1", "参保人已在外地参加职工医保")), List.of());

        assertThat(standing).isEqualTo(new ContributionStanding.RefundUnderway(ORDER, PAYER, 38000, "参保人已在外地参加职工医保"));
        assertThat(standing.paid()).as("the cover ends with the refund").isFalse();
        assertThat(standing.payableNowFen()).as("not while the money is on its way back").isEmpty();
    }

    @Test
    void anOperatorsRefundSaysWhenAndWhyAndThatTheYearMayBePaidAgainInTheWindow() {
        LocalDate refundedOn = LocalDate.of(2023, 10, 16);
        ContributionStanding standing = ContributionStanding.decide(wenshuiAdult2024(), List.of(new PortalPayment(
                PortalPayment.Kind.REFUNDED, ORDER, PAYER, 38000, refundedOn, null, "参保人已在外地参加职工医保")), List.of());

        assertThat(standing).isEqualTo(new ContributionStanding.Refunded(ORDER, PAYER, 38000, refundedOn,
                "参保人已在外地参加职工医保", 38000L, LocalDate.of(2023, 12, 25), null));
        assertThat(standing.payableNowFen()).contains(38000L);
    }

    @Test
    void aRefundedDuplicateBesideAPaidItemIsPaid() {
        ContributionStanding standing = ContributionStanding.decide(wenshuiAdult2024(), List.of(
                new PortalPayment(PortalPayment.Kind.REFUNDED, UUID.randomUUID(), PAYER, 38000, IN_WINDOW, null, "重复缴费"),
                new PortalPayment(PortalPayment.Kind.PAID, ORDER, PAYER, 38000, IN_WINDOW, "R1", null)), List.of());

        assertThat(standing).isInstanceOf(ContributionStanding.PaidHere.class);
    }

    @Test
    void anExtremelyPoorResidentHasNothingToPay() {
        QuoteResult tekun = quote("141121", 2024, Category.ADULT, AssistanceStatus.EXTREME_POVERTY, null, false,
                Enrolment.REGULAR, null, IN_WINDOW);

        ContributionStanding standing = ContributionStanding.decide(tekun, List.of(), List.of());

        assertThat(standing).isEqualTo(new ContributionStanding.FullyAssisted(38000));
        assertThat(standing.payableNowFen()).isEmpty();
    }
}
