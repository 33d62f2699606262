package cn.yibao.portal.payment.domain;

import cn.yibao.portal.shared.Phrase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which refund to make of an order, after GOV.UK Pay's connector: refunds are records of their own, each with a
 * stable number and a status, and the order's status is about the order. A refund of only some of the people an
 * order paid for (a person paid twice, refunded automatically) leaves the order PAID; a refund of everyone it still
 * holds money for moves the order PAID → REFUNDING → REFUNDED. A failed refund is retried under its own number;
 * while one is under way nothing else is started.
 */
public final class RefundRules {

    /** One person of the order: their state, the refund their money is in (if any), their amount. */
    public record Person(UUID insuredId, ItemState state, String refundNo, long amountFen) {

        /** The order still holds this person's money. */
        boolean held() {
            return state == ItemState.PAID || state == ItemState.DUPLICATE;
        }
    }

    /** A refund already made of the order. */
    public record Existing(String refundNo, String status) {
    }

    public sealed interface Decision {
    }

    /** Nothing to refund now; the message says why (for the operator). */
    public record Refused(Phrase message) implements Decision {
    }

    /** A refund to ask the channel for: whose money, how much, under which number. */
    public sealed interface Planned extends Decision {

        String refundNo();

        List<UUID> insuredIds();

        long amountFen();
    }

    /** Ask the channel again under the failed refund's own number, for the people whose money is in it. */
    public record Retry(String refundNo, List<UUID> insuredIds, long amountFen) implements Planned {
    }

    /** A new refund of these people; {@code wholeOrder} when no money of the order is left after it. */
    public record Refund(String refundNo, List<UUID> insuredIds, long amountFen, boolean wholeOrder) implements Planned {
    }

    /** The most a reason may say (it is shown to the payer and sent to the channel). */
    public static final int MAX_REASON_LENGTH = 200;

    /** Where the money of a refund goes. */
    public enum Destination {
        /** Back the way it came: the payer's WeChat Pay or Alipay account, or the sandbox's. */
        ORIGINAL_ACCOUNT,
        /** Cash taken at a counter is handed back in cash at the counter. */
        CASH_AT_COUNTER
    }

    private RefundRules() {
    }

    /**
     * @param duplicatesOnly true for the automatic refund of people paid twice; false for an operator's refund of
     *                       everything the order still holds (or a retry of a failed refund)
     */
    public static Decision decide(String orderNo, PaymentStatus status, List<Person> people, List<Existing> refunds,
                                  boolean duplicatesOnly) {
        if (refunds.stream().anyMatch(refund -> "REQUESTED".equals(refund.status()))) {
            return new Refused(Phrase.of("refund.refused.pending"));
        }
        Optional<Existing> failed = refunds.stream().filter(refund -> "FAILED".equals(refund.status()))
                .reduce((first, second) -> second);
        if (!duplicatesOnly && status == PaymentStatus.REFUND_FAILED && failed.isPresent()) {
            return retry(failed.get().refundNo(), people);
        }
        if (status != PaymentStatus.PAID) {
            return new Refused(Phrase.of("refund.refused.status", status.name()));
        }
        if (!duplicatesOnly && failed.isPresent()) {
            return retry(failed.get().refundNo(), people);
        }
        List<Person> chosen = people.stream().filter(Person::held).filter(person -> person.refundNo() == null)
                .filter(person -> !duplicatesOnly || person.state() == ItemState.DUPLICATE).toList();
        if (chosen.isEmpty()) {
            return new Refused(Phrase.of(duplicatesOnly ? "refund.refused.noDuplicates" : "refund.refused.nobody"));
        }
        boolean wholeOrder = people.stream().filter(Person::held).allMatch(chosen::contains);
        return new Refund(refundNo(orderNo, refunds.size()), chosen.stream().map(Person::insuredId).toList(),
                chosen.stream().mapToLong(Person::amountFen).sum(), wholeOrder);
    }

    private static Retry retry(String refundNo, List<Person> people) {
        List<Person> in = people.stream().filter(person -> refundNo.equals(person.refundNo())).toList();
        return new Retry(refundNo, in.stream().map(Person::insuredId).toList(),
                in.stream().mapToLong(Person::amountFen).sum());
    }

    /** Why an operator's reason cannot be taken, or null: it is required, and shown to the payer. */
    public static Phrase reasonProblem(String reason) {
        if (reason == null || reason.isBlank()) {
            return Phrase.of("refund.refused.reason.missing");
        }
        return reason.strip().length() > MAX_REASON_LENGTH ? Phrase.of("refund.refused.reason.tooLong", MAX_REASON_LENGTH)
                : null;
    }

    /**
     * What an operator confirms: a short digest of the order, the refund's number, its people and amount, and the
     * reason, as the preview showed them. The refund goes ahead only if, decided again under the order's lock, it
     * comes to the same digest; anything that changed in between (another refund, a payment, another reason) makes
     * the operator look again.
     */
    public static String confirmation(String orderNo, Planned planned, String reason) {
        String text = orderNo + "|" + planned.refundNo() + "|" + planned.amountFen() + "|"
                + planned.insuredIds().stream().map(UUID::toString).sorted().toList() + "|" + reason.strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a refund of an order paid through this channel takes the money. */
    public static Destination destination(PaymentChannelId channel) {
        return channel == PaymentChannelId.CASH ? Destination.CASH_AT_COUNTER : Destination.ORIGINAL_ACCOUNT;
    }

    /**
     * How a person of an order reads for the payer: their state, except that money owed back whose refund failed is
     * not "being refunded" — it waits for an operator to ask again (the operator desk lists failed refunds).
     *
     * @param refundStatus the status of the refund the person's money is in, or null
     */
    public static String shownState(ItemState state, String refundStatus) {
        return state == ItemState.DUPLICATE && "FAILED".equals(refundStatus) ? "DUPLICATE_REFUND_FAILED" : state.name();
    }

    /** The first refund of an order is RF + order number, so one refund per order keeps one number; later ones add -2, -3… */
    public static String refundNo(String orderNo, int refundsBefore) {
        return "RF" + orderNo + (refundsBefore == 0 ? "" : "-" + (refundsBefore + 1));
    }
}
