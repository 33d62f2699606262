package cn.yibao.portal.benefit.domain;

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
    public record Unpaid(boolean orderOpen, boolean regionSupported, boolean payableNow, String notPayableReason) {
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
                    "参保地暂未开通本平台服务，参保缴费情况请向参保地医保经办机构查询。");
        }
        if (unpaid.orderOpen()) {
            return new Coverage.NotCovered(benefitYear, Coverage.Why.PAYMENT_PENDING, false,
                    "已有待支付的缴费订单，支付完成后即可享受" + benefitYear + "年度待遇。");
        }
        String noRecord = "本平台未查询到" + benefitYear + "年度的参保缴费记录。";
        String elsewhere = "如已通过税务、银行或村（居）协办人员缴费，记录同步可能有延迟，请以医保经办机构的记录为准。";
        return new Coverage.NotCovered(benefitYear, Coverage.Why.NOT_PAID, unpaid.payableNow(),
                unpaid.payableNow() ? noRecord + "未缴费的，缴费后按规定享受待遇；" + elsewhere
                        : noRecord + nullToEmpty(unpaid.notPayableReason()) + elsewhere);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static Coverage.Phase phase(LocalDate today, Paid record) {
        if (today.isBefore(record.start())) {
            return Coverage.Phase.NOT_STARTED;
        }
        return today.isAfter(record.end()) ? Coverage.Phase.ENDED : Coverage.Phase.IN_FORCE;
    }
}
