package cn.yibao.portal.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.payment.domain.Reconciliation.Kind;
import cn.yibao.portal.payment.domain.Reconciliation.Mismatch;
import cn.yibao.portal.payment.domain.Reconciliation.OurOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The comparison of a channel's daily bill with our orders, one row per kind of mismatch (and the match). */
class ReconciliationTest {

    private static final Instant AT = Instant.parse("2023-10-15T02:00:00Z");

    private static BillLine paid(String orderNo, long fen) {
        return new BillLine(2, orderNo, "TX-" + orderNo, BillLine.Kind.PAYMENT, fen, AT, null);
    }

    private static BillLine refund(String orderNo, long fen) {
        return new BillLine(3, orderNo, "TX-" + orderNo, BillLine.Kind.REFUND, fen, AT, "RF" + orderNo);
    }

    private static OurOrder ours(String orderNo, long fen, boolean paid) {
        return new OurOrder(orderNo, fen, paid);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("paid at both, same amount: no mismatch",
                        List.of(paid("YB1", 38000)), List.of(ours("YB1", 38000, true)), List.of(ours("YB1", 38000, true)),
                        List.of()),
                Arguments.of("paid at the channel, not counted as paid here",
                        List.of(paid("YB2", 38000)), List.of(ours("YB2", 38000, false)), List.of(),
                        List.of(new Mismatch(Kind.PAID_AT_CHANNEL_ONLY, "YB2", 38000L, 38000L))),
                Arguments.of("paid here that day, missing from the channel's bill",
                        List.of(), List.of(), List.of(ours("YB3", 38000, true)),
                        List.of(new Mismatch(Kind.PAID_HERE_ONLY, "YB3", null, 38000L))),
                Arguments.of("the channel took another amount",
                        List.of(paid("YB4", 100)), List.of(ours("YB4", 38000, true)), List.of(ours("YB4", 38000, true)),
                        List.of(new Mismatch(Kind.AMOUNT_DIFFERS, "YB4", 100L, 38000L))),
                Arguments.of("another amount for an order not paid here is still an amount mismatch (nothing settled)",
                        List.of(paid("YB5", 100)), List.of(ours("YB5", 38000, false)), List.of(),
                        List.of(new Mismatch(Kind.AMOUNT_DIFFERS, "YB5", 100L, 38000L))),
                Arguments.of("an order number we never issued",
                        List.of(paid("XX6", 5000)), List.of(), List.of(),
                        List.of(new Mismatch(Kind.UNKNOWN_ORDER, "XX6", 5000L, null))),
                Arguments.of("refund lines are not payments: a refunded order is still paid at the channel",
                        List.of(paid("YB7", 38000), refund("YB7", 38000)), List.of(ours("YB7", 38000, true)),
                        List.of(ours("YB7", 38000, true)), List.of()),
                Arguments.of("one bill with one of each",
                        List.of(paid("YB1", 38000), paid("YB2", 38000), paid("YB4", 100), paid("XX6", 5000)),
                        List.of(ours("YB1", 38000, true), ours("YB2", 38000, false), ours("YB4", 38000, true)),
                        List.of(ours("YB1", 38000, true), ours("YB3", 38000, true), ours("YB4", 38000, true)),
                        List.of(new Mismatch(Kind.PAID_AT_CHANNEL_ONLY, "YB2", 38000L, 38000L),
                                new Mismatch(Kind.AMOUNT_DIFFERS, "YB4", 100L, 38000L),
                                new Mismatch(Kind.UNKNOWN_ORDER, "XX6", 5000L, null),
                                new Mismatch(Kind.PAID_HERE_ONLY, "YB3", null, 38000L))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsEachMismatch(String situation, List<BillLine> bill, List<OurOrder> named, List<OurOrder> paidHereOnDay,
                             List<Mismatch> expected) {
        Map<String, OurOrder> byNumber = named.stream().collect(Collectors.toMap(OurOrder::orderNo, Function.identity()));

        assertThat(Reconciliation.compare(bill, byNumber, paidHereOnDay)).containsExactlyElementsOf(expected);
    }
}
