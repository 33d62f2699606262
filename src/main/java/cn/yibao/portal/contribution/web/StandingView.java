package cn.yibao.portal.contribution.web;

import static cn.yibao.portal.shared.Money.yuan;

import cn.yibao.portal.contribution.api.ContributionStanding;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's standing as pages show it: {@code state} names the message (PAID_HERE, PAID_ELSEWHERE, AWAITING, DUE,
 * REFUNDING, REFUNDED, FREE, NOT_PAYABLE); amounts in yuan, dates as text; {@code link} to the order (its receipts, or the
 * payment to finish) only when the signed-in resident placed it; {@code assistance} names why a person is assisted
 * (the {@code assistance.*} key's suffix) so it is said, not hidden in the calculation; {@code whyNot} says why a
 * person cannot pay here (NOT_PAYABLE) or cannot pay again after a refund (REFUNDED).
 */
public record StandingView(String state, String amountYuan, String date, String where, String reason,
                           String dueYuan, String deadline, String benefitStart, String benefitEnd, String link,
                           String assistance, String assistanceYuan, boolean paid, boolean payableNow,
                           Phrase whyNot) {

    public static StandingView of(ContributionStanding standing, UUID me, AssistanceStatus assistance) {
        String assisted = assistance == null || assistance == AssistanceStatus.NONE ? null : assistance.name();
        if (standing instanceof ContributionStanding.PaidHere paid) {
            return new StandingView("PAID_HERE", yuan(paid.amountFen()), text(paid.paidOn()), null, null, null, null,
                    null, null, me.equals(paid.payerId()) ? "/payment/" + paid.orderId() : null, assisted, null, true,
                    false, null);
        }
        if (standing instanceof ContributionStanding.PaidElsewhere paid) {
            return new StandingView("PAID_ELSEWHERE", yuan(paid.amountFen()), text(paid.paidOn()), paid.collector(),
                    null, null, null, text(paid.benefitStart()), text(paid.benefitEnd()), null, assisted, null, true,
                    false, null);
        }
        if (standing instanceof ContributionStanding.AwaitingPayment waiting) {
            return new StandingView("AWAITING", yuan(waiting.amountFen()), null, null, null, null, null, null, null,
                    me.equals(waiting.payerId()) ? "/payment/" + waiting.orderId() : null, assisted, null, false,
                    false, null);
        }
        if (standing instanceof ContributionStanding.RefundUnderway refunding) {
            return new StandingView("REFUNDING", yuan(refunding.amountFen()), null, null, refunding.reason(), null,
                    null, null, null, me.equals(refunding.payerId()) ? "/payment/" + refunding.orderId() : null,
                    assisted, null, false, false, null);
        }
        if (standing instanceof ContributionStanding.Due due) {
            return new StandingView("DUE", yuan(due.dueFen()), null, null, null, yuan(due.dueFen()),
                    text(due.deadline()), null, null, null, assisted,
                    due.assistanceFen() > 0 ? yuan(due.assistanceFen()) : null, false, true, null);
        }
        if (standing instanceof ContributionStanding.Refunded refunded) {
            return new StandingView("REFUNDED", yuan(refunded.amountFen()), text(refunded.refundedOn()), null,
                    refunded.reason(), refunded.payableAgain() ? yuan(refunded.dueFen()) : null,
                    text(refunded.deadline()), null, null,
                    me.equals(refunded.payerId()) ? "/payment/" + refunded.orderId() : null, assisted, null, false,
                    refunded.payableAgain(), refunded.whyNot());
        }
        if (standing instanceof ContributionStanding.FullyAssisted free) {
            return new StandingView("FREE", "0", null, null, null, null, null, null, null, null,
                    assisted == null ? "" : assisted, yuan(free.assistanceFen()), false, false, null);
        }
        ContributionStanding.NotPayableHere notPayable = (ContributionStanding.NotPayableHere) standing;
        return new StandingView("NOT_PAYABLE", null, null, null, null, null, null, null, null, null,
                assisted, null, false, false, notPayable.reason());
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
