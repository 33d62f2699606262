package cn.yibao.portal.payment.domain;

import static cn.yibao.portal.payment.domain.PaymentStatus.AWAITING_PAYMENT;
import static cn.yibao.portal.payment.domain.PaymentStatus.CLOSED;
import static cn.yibao.portal.payment.domain.PaymentStatus.CREATED;
import static cn.yibao.portal.payment.domain.PaymentStatus.FAILED;
import static cn.yibao.portal.payment.domain.PaymentStatus.PAID;
import static cn.yibao.portal.payment.domain.PaymentStatus.REFUNDED;
import static cn.yibao.portal.payment.domain.PaymentStatus.REFUNDING;
import static cn.yibao.portal.payment.domain.PaymentStatus.REFUND_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.payment.domain.PaymentTransitions.Edge;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The status graph of issue #4, written out here independently of the production table: CREATED → AWAITING_PAYMENT
 * → PAID | FAILED | CLOSED, PAID → REFUNDING → REFUNDED | REFUND_FAILED, plus the late-payment edges (money taken
 * after we closed or failed is recorded) and the retry of a failed refund. Every one of the 8 × 8 pairs is checked.
 */
class PaymentTransitionsTest {

    private static final Set<Edge> EXPECTED = Set.of(
            new Edge(CREATED, AWAITING_PAYMENT),
            new Edge(CREATED, FAILED),
            new Edge(CREATED, CLOSED),
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

    static Stream<Arguments> allowedEdges() {
        return EXPECTED.stream().map(edge -> Arguments.of(edge.from(), edge.to()));
    }

    static Stream<Arguments> forbiddenPairs() {
        return Arrays.stream(PaymentStatus.values())
                .flatMap(from -> Arrays.stream(PaymentStatus.values()).map(to -> new Edge(from, to)))
                .filter(edge -> !EXPECTED.contains(edge))
                .map(edge -> Arguments.of(edge.from(), edge.to()));
    }

    @ParameterizedTest(name = "{0} → {1} is allowed")
    @MethodSource("allowedEdges")
    void everyEdgeOfTheGraphIsAllowed(PaymentStatus from, PaymentStatus to) {
        assertThat(PaymentTransitions.allowed(from, to)).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1} is refused")
    @MethodSource("forbiddenPairs")
    void everyOtherPairOfStatusesIsRefused(PaymentStatus from, PaymentStatus to) {
        assertThat(PaymentTransitions.allowed(from, to)).isFalse();
    }

    @Test
    void theCheckCoversAllSixtyFourPairs() {
        assertThat(allowedEdges().count() + forbiddenPairs().count()).isEqualTo(64);
        assertThat(forbiddenPairs().count()).isEqualTo(51);
    }

    @Test
    void theTableHoldsExactlyTheseEdgesEachOnce() {
        assertThat(PaymentTransitions.EDGES).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(EXPECTED);
    }

    @Test
    void noStatusChangesIntoItself() {
        for (PaymentStatus status : PaymentStatus.values()) {
            assertThat(PaymentTransitions.allowed(status, status)).as(status.name()).isFalse();
        }
    }

    @Test
    void nothingLeadsBackToCreatedOrOutOfRefunded() {
        for (PaymentStatus status : PaymentStatus.values()) {
            assertThat(PaymentTransitions.allowed(status, CREATED)).as(status + " → CREATED").isFalse();
            assertThat(PaymentTransitions.allowed(REFUNDED, status)).as("REFUNDED → " + status).isFalse();
        }
    }

    @Test
    void onlyCreatedAndAwaitingPaymentHoldPeopleOpen() {
        assertThat(Arrays.stream(PaymentStatus.values()).filter(PaymentStatus::isOpen))
                .containsExactlyInAnyOrder(CREATED, AWAITING_PAYMENT);
    }
}
