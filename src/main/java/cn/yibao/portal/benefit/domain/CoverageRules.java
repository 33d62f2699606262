package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Decides coverage for one person and benefit year from what is known to be paid. */
public final class CoverageRules {

    private CoverageRules() {
    }

    /** A paid contribution and the benefit period it buys (from the contribution rules or the upstream record). */
    public record Paid(Coverage.Source source, LocalDate paidOn, long paidFen, String collector, LocalDate start,
                       LocalDate end) {
    }

    /**
     * What the portal knows when nothing is paid: whether an order waits, whether the region is served, and whether
     * paying now would be accepted (with the contribution rules' reason when not).
     */
    public record Unpaid(boolean orderOpen, boolean regionSupported, boolean payableNow, Phrase notPayableReason) {
    }

    /**
     * With several paid records (paid here and also reported upstream) the earliest start counts. Without one, the
     * fund's own settlements in the year show the person was insured: the record has simply not reached the portal
     * (it is collected by the tax bureau, banks and collection agents).
     */
    public static Coverage decide(int benefitYear, LocalDate today, List<Paid> paid, Unpaid unpaid,
                                  List<SettledBill> settlements) {
        Optional<LocalDate> firstFundSettlement = settlements.stream()
                .filter(bill -> bill.fundFen() > 0 && bill.settledOn().getYear() == benefitYear)
                .map(SettledBill::settledOn).min(Comparator.naturalOrder());
        Optional<Paid> first = paid.stream().min(Comparator.comparing(Paid::start));
        if (first.isPresent()) {
            Paid record = first.get();
            return new Coverage.Covered(benefitYear, record.start(), record.end(), phase(today, record), record.source(),
                    record.paidOn(), record.paidFen(), record.collector());
        }
        if (firstFundSettlement.isPresent()) {
            return new Coverage.ShownBySettlements(benefitYear, firstFundSettlement.get());
        }
        if (!unpaid.regionSupported()) {
            return new Coverage.NotCovered(benefitYear, Coverage.Why.REGION_NOT_SUPPORTED, false,
                    Phrase.of("benefit.coverage.regionNotServed"));
        }
        if (unpaid.orderOpen()) {
            return new Coverage.NotCovered(benefitYear, Coverage.Why.PAYMENT_PENDING, false,
                    Phrase.of("benefit.coverage.pending", benefitYear));
        }
        return new Coverage.NotCovered(benefitYear, Coverage.Why.NOT_PAID, unpaid.payableNow(),
                unpaid.payableNow() ? Phrase.of("benefit.coverage.notPaid.payable", benefitYear)
                        : Phrase.of("benefit.coverage.notPaid", benefitYear,
                                unpaid.notPayableReason() == null ? "" : unpaid.notPayableReason()));
    }

    private static Coverage.Phase phase(LocalDate today, Paid record) {
        if (today.isBefore(record.start())) {
            return Coverage.Phase.NOT_STARTED;
        }
        return today.isAfter(record.end()) ? Coverage.Phase.ENDED : Coverage.Phase.IN_FORCE;
    }
}
