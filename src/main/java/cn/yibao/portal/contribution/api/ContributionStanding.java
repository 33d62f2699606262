package cn.yibao.portal.contribution.api;

import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where one person stands for one benefit year, the first thing "我的缴费" and the home page say about
 * them: paid (here, or elsewhere as the core platform reports), an order waiting, due with amount and deadline,
 * refunded, nothing to pay (full assistance), or not payable here and why. A payment recorded anywhere wins over
 * what the quote says is due: who has paid is never told that they owe.
 */
public sealed interface ContributionStanding {

    /** Paid on this portal: when, how much, the order (its payer's page has the receipt), and who paid. */
    record PaidHere(LocalDate paidOn, long amountFen, UUID orderId, String receiptNo, UUID payerId)
            implements ContributionStanding {
    }

    /** Paid elsewhere (tax bureau, bank, collection agent), as the core platform reported it. */
    record PaidElsewhere(LocalDate paidOn, long amountFen, String collector, LocalDate benefitStart,
                         LocalDate benefitEnd) implements ContributionStanding {
    }

    /** An order on this portal waits for payment: finish or wait for it, do not pay again. */
    record AwaitingPayment(UUID orderId, long amountFen, UUID payerId) implements ContributionStanding {
    }

    /**
     * Paid here, then refunded by an operator: the year is not paid for. {@code dueFen}/{@code deadline} are set when
     * it may be paid again now; otherwise {@code whyNot} says why not.
     */
    record Refunded(UUID orderId, UUID payerId, long amountFen, LocalDate refundedOn, String reason, Long dueFen, LocalDate deadline,
                    Phrase whyNot) implements ContributionStanding {

        public boolean payableAgain() {
            return dueFen != null;
        }
    }

    /** An exact amount due that can be paid here now, by {@code deadline} (the collection window's last day). */
    /** Paid here, and a refund of it asked for and not done yet: the year's cover ends when it is. */
    record RefundUnderway(UUID orderId, UUID payerId, long amountFen, String reason) implements ContributionStanding {
    }

    record Due(long dueFen, LocalDate deadline, long assistanceFen) implements ContributionStanding {
    }

    /** An exact amount of 0: the personal part is paid in full by assistance; nothing to do. */
    record FullyAssisted(long assistanceFen) implements ContributionStanding {
    }

    /** Cannot be paid here (no exact local figure, outside the window, region not served…): {@code reason} says why. */
    record NotPayableHere(Phrase reason) implements ContributionStanding {
    }

    /** What this portal knows about the person's payments of the year. */
    record PortalPayment(Kind kind, UUID orderId, UUID payerId, long amountFen, LocalDate on, String receiptNo,
                         String refundReason) {

        public enum Kind { PAID, REFUNDING, OPEN, REFUNDED }
    }

    /** A contribution the core platform reports as collected elsewhere. */
    record UpstreamPayment(LocalDate paidOn, long amountFen, String collector, LocalDate benefitStart,
                           LocalDate benefitEnd) {
    }

    /** Whether the standing is a paid year (here or elsewhere). */
    default boolean paid() {
        return this instanceof PaidHere || this instanceof PaidElsewhere;
    }

    /** The amount the person may pay now, or empty. */
    default Optional<Long> payableNowFen() {
        if (this instanceof Due due) {
            return Optional.of(due.dueFen());
        }
        if (this instanceof Refunded refunded && refunded.payableAgain()) {
            return Optional.of(refunded.dueFen());
        }
        return Optional.empty();
    }

    /**
     * Decides a person's standing: a payment here, then one reported upstream, then an order waiting; only then what
     * the quote says (due, full assistance, or why not), with a refund said first when there was one.
     */
    static ContributionStanding decide(QuoteResult quote, List<PortalPayment> portal, List<UpstreamPayment> upstream) {
        Optional<PortalPayment> refunding = portal.stream().filter(p -> p.kind() == PortalPayment.Kind.REFUNDING)
                .findFirst();
        if (refunding.isPresent()) {
            PortalPayment refund = refunding.get();
            return new RefundUnderway(refund.orderId(), refund.payerId(), refund.amountFen(), refund.refundReason());
        }
        Optional<PortalPayment> paidHere = portal.stream().filter(p -> p.kind() == PortalPayment.Kind.PAID).findFirst();
        if (paidHere.isPresent()) {
            PortalPayment paid = paidHere.get();
            return new PaidHere(paid.on(), paid.amountFen(), paid.orderId(), paid.receiptNo(), paid.payerId());
        }
        Optional<UpstreamPayment> elsewhere = upstream.stream()
                .max(Comparator.comparing(UpstreamPayment::paidOn, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (elsewhere.isPresent()) {
            UpstreamPayment paid = elsewhere.get();
            return new PaidElsewhere(paid.paidOn(), paid.amountFen(), paid.collector(), paid.benefitStart(),
                    paid.benefitEnd());
        }
        Optional<PortalPayment> open = portal.stream().filter(p -> p.kind() == PortalPayment.Kind.OPEN).findFirst();
        if (open.isPresent()) {
            return new AwaitingPayment(open.get().orderId(), open.get().amountFen(), open.get().payerId());
        }
        ContributionStanding fromQuote = fromQuote(quote);
        Optional<PortalPayment> refunded = portal.stream().filter(p -> p.kind() == PortalPayment.Kind.REFUNDED)
                .max(Comparator.comparing(PortalPayment::on, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (refunded.isPresent()) {
            PortalPayment refund = refunded.get();
            if (fromQuote instanceof Due due) {
                return new Refunded(refund.orderId(), refund.payerId(), refund.amountFen(), refund.on(), refund.refundReason(),
                        due.dueFen(), due.deadline(), null);
            }
            if (fromQuote instanceof NotPayableHere notPayable) {
                return new Refunded(refund.orderId(), refund.payerId(), refund.amountFen(), refund.on(), refund.refundReason(), null,
                        null, notPayable.reason());
            }
        }
        return fromQuote;
    }

    private static ContributionStanding fromQuote(QuoteResult result) {
        if (result instanceof QuoteResult.Quoted quoted) {
            Quote quote = quoted.quote();
            if (quote.dueStanding() == DueStanding.EXACT && quote.dueFen() == 0) {
                return new FullyAssisted(quote.assistanceFen());
            }
            if (quote.payable() && quote.dueStanding() == DueStanding.EXACT) {
                return new Due(quote.dueFen(), quote.collectionWindow() == null ? null : quote.collectionWindow().end(),
                        quote.assistanceFen());
            }
            return new NotPayableHere(quote.reason());
        }
        if (result instanceof QuoteResult.NoPolicy noPolicy) {
            return new NotPayableHere(noPolicy.reason());
        }
        return new NotPayableHere(((QuoteResult.Rejected) result).reason());
    }
}
