package cn.yibao.portal.payment.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Comparing a channel's daily bill with our orders: paid at the channel but not here, paid here but not at the
 * channel, amounts that differ, and orders we do not know. Pure: the caller loads both sides.
 */
public final class Reconciliation {

    public enum Kind { PAID_AT_CHANNEL_ONLY, PAID_HERE_ONLY, AMOUNT_DIFFERS, UNKNOWN_ORDER }

    public record Mismatch(Kind kind, String orderNo, Long channelFen, Long ourFen) {
    }

    /** Our side of one order: its amount and whether we count it as paid (PAID or refunding/refunded later). */
    public record OurOrder(String orderNo, long amountFen, boolean paid) {
    }

    private Reconciliation() {
    }

    /**
     * @param ours        our orders named in the bill, by order number
     * @param paidHereOnDay our orders of this channel paid on the bill's day
     */
    public static List<Mismatch> compare(List<BillLine> bill, Map<String, OurOrder> ours, List<OurOrder> paidHereOnDay) {
        List<Mismatch> mismatches = new ArrayList<>();
        Set<String> paidAtChannel = new HashSet<>();
        for (BillLine line : bill) {
            if (line.kind() != BillLine.Kind.PAYMENT) {
                continue;
            }
            paidAtChannel.add(line.orderNo());
            OurOrder order = ours.get(line.orderNo());
            if (order == null) {
                mismatches.add(new Mismatch(Kind.UNKNOWN_ORDER, line.orderNo(), line.amountFen(), null));
            } else if (order.amountFen() != line.amountFen()) {
                mismatches.add(new Mismatch(Kind.AMOUNT_DIFFERS, line.orderNo(), line.amountFen(), order.amountFen()));
            } else if (!order.paid()) {
                mismatches.add(new Mismatch(Kind.PAID_AT_CHANNEL_ONLY, line.orderNo(), line.amountFen(), order.amountFen()));
            }
        }
        for (OurOrder order : paidHereOnDay) {
            if (!paidAtChannel.contains(order.orderNo())) {
                mismatches.add(new Mismatch(Kind.PAID_HERE_ONLY, order.orderNo(), null, order.amountFen()));
            }
        }
        return mismatches;
    }
}
