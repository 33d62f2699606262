package cn.yibao.portal.payment.domain;

import cn.yibao.portal.shared.Phrase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Comparing a channel's daily bill with our orders: paid at the channel but not here, paid here but not at the
 * channel, amounts that differ, and orders we do not know; and what to do about each. A bill is a file someone
 * handed in, not the channel's word: a line that contradicts the portal changes nothing until the channel's own
 * record, asked for by an order query, says the same; otherwise the order is flagged for a person. Pure: the caller
 * loads both sides and asks the channel.
 */
public final class Reconciliation {

    public enum Kind { PAID_AT_CHANNEL_ONLY, PAID_HERE_ONLY, AMOUNT_DIFFERS, UNKNOWN_ORDER }

    public record Mismatch(Kind kind, String orderNo, Long channelFen, Long ourFen) {
    }

    /** Our side of one order: its amount and whether we count it as paid (PAID or refunding/refunded later). */
    public record OurOrder(String orderNo, long amountFen, boolean paid) {
    }

    /** What to do about a mismatch once the channel has been asked. */
    public sealed interface Resolution {

        /** How the run's report says it (for the operator). */
        Phrase note();
    }

    /** The channel's own record says paid, at our amount: settle with the channel's transaction, not the bill's. */
    public record Settle(String transactionId, long amountFen) implements Resolution {

        @Override
        public Phrase note() {
            return Phrase.of("reconcile.settle");
        }
    }

    /** The channel's own record agrees with the portal: the bill is wrong or late; nothing changes. */
    public record Agrees(Phrase note) implements Resolution {
    }

    /** The channel contradicts the portal, or could not say: the order is flagged for a person. */
    public record Flag(Phrase why) implements Resolution {

        @Override
        public Phrase note() {
            return Phrase.of("reconcile.forAPerson", why);
        }
    }

    /** Nothing of ours to change or flag (an order we never issued): the line waits for a person in the report. */
    public record ForAPerson(Phrase note) implements Resolution {
    }

    private Reconciliation() {
    }

    /**
     * @param channel the channel's answer to an order query, or null when it could not be asked (no answer, an error)
     */
    public static Resolution resolve(Mismatch mismatch, ChannelQuery channel) {
        if (mismatch.kind() == Kind.UNKNOWN_ORDER) {
            return new ForAPerson(Phrase.of("reconcile.forAPerson", Phrase.of("reconcile.unknownOrder")));
        }
        Phrase bill = switch (mismatch.kind()) {
            case PAID_AT_CHANNEL_ONLY -> Phrase.of("reconcile.bill.channelOnly");
            case PAID_HERE_ONLY -> Phrase.of("reconcile.bill.hereOnly");
            default -> Phrase.of("reconcile.bill.amount", mismatch.channelFen(), mismatch.ourFen());
        };
        if (channel == null) {
            return new Flag(Phrase.of("reconcile.flag.noAnswer", bill));
        }
        boolean paidAtOurAmount = channel.outcome() == ChannelOutcome.PAID && mismatch.ourFen() != null
                && channel.amountFen() == mismatch.ourFen();
        if (!paidAtOurAmount) {
            return new Flag(Phrase.of("reconcile.flag.channelSays", bill, said(channel)));
        }
        if (mismatch.kind() == Kind.PAID_AT_CHANNEL_ONLY) {
            return new Settle(channel.transactionId(), channel.amountFen());
        }
        return new Agrees(Phrase.of("reconcile.agrees", bill, channel.amountFen()));
    }

    private static Phrase said(ChannelQuery channel) {
        return channel.outcome() == ChannelOutcome.PAID ? Phrase.of("reconcile.channel.PAID", channel.amountFen())
                : Phrase.of("reconcile.channel." + channel.outcome().name());
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
