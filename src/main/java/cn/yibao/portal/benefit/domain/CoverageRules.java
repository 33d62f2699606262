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

    /** With several paid records (paid here and also reported upstream) the earliest start counts. */
    public static Coverage decide(int benefitYear, LocalDate today, List<Paid> paid, Unpaid unpaid) {
        Optional<Paid> first = paid.stream().min(Comparator.comparing(Paid::start));
        if (first.isPresent()) {
            Paid record = first.get();
            return new Coverage.Covered(benefitYear, record.start(), record.end(), phase(today, record), record.source(),
                    record.paidOn(), record.paidFen(), record.collector());
        }
        if (!unpaid.regionSupported()) {
            return new Coverage.NotCovered(benefitYear, Coverage.Why.REGION_NOT_SUPPORTED, false,
                    "参保地暂未开通本平台服务，参保缴费情况请向参保地医保经办机构查询。");
        }
        if (unpaid.orderOpen()) {
            return new Coverage.NotCovered(benefitYear, Coverage.Why.PAYMENT_PENDING, false,
                    "已有待支付的缴费订单，支付完成后即可享受" + benefitYear + "年度待遇。");
        }
        return new Coverage.NotCovered(benefitYear, Coverage.Why.NOT_PAID, unpaid.payableNow(),
                unpaid.payableNow() ? "未查询到" + benefitYear + "年度的缴费记录，缴费后按规定享受待遇。"
                        : "未查询到" + benefitYear + "年度的缴费记录。" + unpaid.notPayableReason());
    }

    private static Coverage.Phase phase(LocalDate today, Paid record) {
        if (today.isBefore(record.start())) {
            return Coverage.Phase.NOT_STARTED;
        }
        return today.isAfter(record.end()) ? Coverage.Phase.ENDED : Coverage.Phase.IN_FORCE;
    }
}
