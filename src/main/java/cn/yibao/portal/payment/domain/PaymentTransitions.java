package cn.yibao.portal.payment.domain;

import static cn.yibao.portal.payment.domain.PaymentStatus.AWAITING_PAYMENT;
import static cn.yibao.portal.payment.domain.PaymentStatus.CLOSED;
import static cn.yibao.portal.payment.domain.PaymentStatus.CREATED;
import static cn.yibao.portal.payment.domain.PaymentStatus.FAILED;
import static cn.yibao.portal.payment.domain.PaymentStatus.PAID;
import static cn.yibao.portal.payment.domain.PaymentStatus.REFUNDED;
import static cn.yibao.portal.payment.domain.PaymentStatus.REFUNDING;
import static cn.yibao.portal.payment.domain.PaymentStatus.REFUND_FAILED;

import java.util.List;

/**
 * The status graph as a table, after GOV.UK Pay's connector: every allowed edge is a row. An edge that is not here
 * does not happen. CLOSED → PAID exists because money taken by a channel after we closed is still money taken: it is
 * recorded, and refunded if the people were paid for meanwhile.
 */
public final class PaymentTransitions {

    public record Edge(PaymentStatus from, PaymentStatus to) {
    }

    public static final List<Edge> EDGES = List.of(
            new Edge(CREATED, AWAITING_PAYMENT),
            new Edge(CREATED, FAILED),
            new Edge(CREATED, CLOSED),
            // A crash between opening at the channel and recording it leaves CREATED; the channel may still be paid.
            new Edge(CREATED, PAID),
            new Edge(AWAITING_PAYMENT, PAID),
            new Edge(AWAITING_PAYMENT, FAILED),
            new Edge(AWAITING_PAYMENT, CLOSED),
            new Edge(CLOSED, PAID),
            new Edge(FAILED, PAID),
            new Edge(PAID, REFUNDING),
            new Edge(REFUNDING, REFUNDED),
            new Edge(REFUNDING, REFUND_FAILED),
            new Edge(REFUND_FAILED, REFUNDING));

    private PaymentTransitions() {
    }

    public static boolean allowed(PaymentStatus from, PaymentStatus to) {
        return EDGES.contains(new Edge(from, to));
    }

    /**
     * The gate every status change passes: an edge that is not in the table is refused before anything is written.
     *
     * @throws Forbidden for an edge the graph does not have
     */
    public static void require(PaymentStatus from, PaymentStatus to) {
        if (!allowed(from, to)) {
            throw new Forbidden(from, to);
        }
    }

    /** A change the status graph does not allow: a programming error, never something a payer can cause. */
    public static final class Forbidden extends IllegalStateException {

        public Forbidden(PaymentStatus from, PaymentStatus to) {
            super("Payment status " + from + " → " + to + " is not an edge of the status graph");
        }
    }
}
