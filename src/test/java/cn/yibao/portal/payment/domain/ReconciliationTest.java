package cn.yibao.portal.payment.domain;

import cn.yibao.portal.text.RealBundles;
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

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            # the bill says                        | kind                 | bill fen | our fen | the channel's query | resolution
            paid, we have no result: channel agrees | PAID_AT_CHANNEL_ONLY | 38000    | 38000   | PAID 38000          | Settle
            paid, we have no result: channel denies | PAID_AT_CHANNEL_ONLY | 38000    | 38000   | PENDING 0           | Flag 未支付
            paid, channel says closed               | PAID_AT_CHANNEL_ONLY | 38000    | 38000   | CLOSED 0            | Flag 已关闭
            paid, channel never heard of it         | PAID_AT_CHANNEL_ONLY | 38000    | 38000   | UNKNOWN 0           | Flag 无此订单
            paid, channel took another amount       | PAID_AT_CHANNEL_ONLY | 38000    | 38000   | PAID 100            | Flag 已支付 100 分
            paid, the channel cannot be asked       | PAID_AT_CHANNEL_ONLY | 38000    | 38000   | NONE                | Flag 无法完成
            missing, channel says paid              | PAID_HERE_ONLY       |          | 38000   | PAID 38000          | Agrees
            missing, channel says not paid          | PAID_HERE_ONLY       |          | 38000   | PENDING 0           | Flag 未支付
            another amount, channel has ours        | AMOUNT_DIFFERS       | 100      | 38000   | PAID 38000          | Agrees
            another amount, channel has the bill's  | AMOUNT_DIFFERS       | 100      | 38000   | PAID 100            | Flag 已支付 100 分
            an order we never issued                | UNKNOWN_ORDER        | 5000     |         | NONE                | ForAPerson
            """)
    void aBillLineChangesNothingUntilTheChannelsOwnRecordSaysTheSame(String situation, Kind kind, Long billFen,
                                                                    Long ourFen, String query, String expected) {
        String[] answer = query.split(" ");
        ChannelQuery channel = answer[0].equals("NONE") ? null : new ChannelQuery("YB1",
                ChannelOutcome.valueOf(answer[0]), "TX-CHANNEL", Long.parseLong(answer[1]), null);

        Reconciliation.Resolution resolution = Reconciliation.resolve(new Mismatch(kind, "YB1", billFen, ourFen), channel);

        String[] wanted = expected.split(" ", 2);
        assertThat(resolution.getClass().getSimpleName()).isEqualTo(wanted[0]);
        if (wanted.length > 1) {
            assertThat(RealBundles.zh(resolution.note())).contains(wanted[1]).endsWith("待人工核查");
        }
        if (resolution instanceof Reconciliation.Settle settle) {
            assertThat(settle.transactionId()).as("the channel's transaction, not the bill's").isEqualTo("TX-CHANNEL");
        }
    }
}
