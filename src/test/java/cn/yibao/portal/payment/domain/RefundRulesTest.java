package cn.yibao.portal.payment.domain;

import cn.yibao.portal.text.RealBundles;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.payment.domain.RefundRules.Existing;
import cn.yibao.portal.payment.domain.RefundRules.Person;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a refund covers: the automatic one only people paid twice, an operator's everything the order still holds;
 * whole-order only when nothing is left held; failed refunds retried under their own number; nothing new while one
 * is under way.
 */
class RefundRulesTest {

    private static final UUID HIM = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID HER = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private static Person person(UUID id, ItemState state, String refundNo) {
        return new Person(id, state, refundNo, 38000);
    }

    private static final boolean AUTOMATIC = true;
    private static final boolean OPERATOR = false;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("paid twice alone: the automatic refund is the whole order", PaymentStatus.PAID,
                        List.of(person(HER, ItemState.DUPLICATE, null)), List.of(), AUTOMATIC,
                        "REFUND RFYB1 [2] 38000 whole"),
                Arguments.of("one of two paid twice: the automatic refund is hers alone", PaymentStatus.PAID,
                        List.of(person(HIM, ItemState.PAID, null), person(HER, ItemState.DUPLICATE, null)), List.of(),
                        AUTOMATIC, "REFUND RFYB1 [2] 38000 part"),
                Arguments.of("after her refund the operator refunds him: the rest is the whole order", PaymentStatus.PAID,
                        List.of(person(HIM, ItemState.PAID, null), person(HER, ItemState.REFUNDED, "RFYB1")),
                        List.of(new Existing("RFYB1", "SUCCEEDED")), OPERATOR, "REFUND RFYB1-2 [1] 38000 whole"),
                Arguments.of("the operator refunds a paid order of two", PaymentStatus.PAID,
                        List.of(person(HIM, ItemState.PAID, null), person(HER, ItemState.PAID, null)), List.of(),
                        OPERATOR, "REFUND RFYB1 [1, 2] 76000 whole"),
                Arguments.of("nobody paid twice: no automatic refund", PaymentStatus.PAID,
                        List.of(person(HIM, ItemState.PAID, null)), List.of(), AUTOMATIC, "REFUSED 没有重复缴费的参保人。"),
                Arguments.of("a refund under way: nothing new", PaymentStatus.PAID,
                        List.of(person(HIM, ItemState.PAID, null), person(HER, ItemState.DUPLICATE, "RFYB1")),
                        List.of(new Existing("RFYB1", "REQUESTED")), OPERATOR, "REFUSED 该订单有退款正在处理，请稍后查看结果。"),
                Arguments.of("a failed refund of her share: the operator retries it under its number", PaymentStatus.PAID,
                        List.of(person(HIM, ItemState.PAID, null), person(HER, ItemState.DUPLICATE, "RFYB1")),
                        List.of(new Existing("RFYB1", "FAILED")), OPERATOR, "RETRY RFYB1 [2] 38000"),
                Arguments.of("a failed whole-order refund is retried under its number", PaymentStatus.REFUND_FAILED,
                        List.of(person(HIM, ItemState.PAID, "RFYB1")),
                        List.of(new Existing("RFYB1", "FAILED")), OPERATOR, "RETRY RFYB1 [1] 38000"),
                Arguments.of("a failed refund is not retried automatically", PaymentStatus.PAID,
                        List.of(person(HIM, ItemState.PAID, null), person(HER, ItemState.DUPLICATE, "RFYB1")),
                        List.of(new Existing("RFYB1", "FAILED")), AUTOMATIC, "REFUSED 没有重复缴费的参保人。"),
                Arguments.of("everything refunded: nothing left", PaymentStatus.REFUNDED,
                        List.of(person(HIM, ItemState.REFUNDED, "RFYB1")),
                        List.of(new Existing("RFYB1", "SUCCEEDED")), OPERATOR,
                        "REFUSED 只有已支付或退款失败的订单可以退款，当前状态：REFUNDED。"),
                Arguments.of("an unpaid order is not refunded", PaymentStatus.AWAITING_PAYMENT,
                        List.of(person(HIM, ItemState.OPEN, null)), List.of(), OPERATOR,
                        "REFUSED 只有已支付或退款失败的订单可以退款，当前状态：AWAITING_PAYMENT。"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String situation, PaymentStatus status, List<Person> people, List<Existing> refunds,
                 boolean duplicatesOnly, String expected) {
        assertThat(describe(RefundRules.decide("YB1", status, people, refunds, duplicatesOnly))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with its refund {1} reads {2}")
    @CsvSource(value = {
            "DUPLICATE, REQUESTED, DUPLICATE",
            "DUPLICATE, FAILED,    DUPLICATE_REFUND_FAILED",
            "DUPLICATE, NULL,      DUPLICATE",
            "REFUNDED,  SUCCEEDED, REFUNDED",
            "PAID,      FAILED,    PAID",
            "PAID,      NULL,      PAID"}, nullValues = "NULL")
    void aPersonWhoseMoneyIsOwedBackIsNotSaidToBeRefundedOnceTheRefundFailed(ItemState state, String refundStatus,
                                                                             String shown) {
        assertThat(RefundRules.shownState(state, refundStatus)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # what changed between preview and confirmation | order | refund no | amount | people | reason         | same
            nothing                                          | YB1   | RFYB1     | 76000  | 1 2    | 已在务工地参保 | true
            the people in another order                      | YB1   | RFYB1     | 76000  | 2 1    | 已在务工地参保 | true
            blanks around the reason                         | YB1   | RFYB1     | 76000  | 1 2    | ' 已在务工地参保 ' | true
            another reason                                   | YB1   | RFYB1     | 76000  | 1 2    | 重复缴费       | false
            a refund made meanwhile: the next number         | YB1   | RFYB1-2   | 76000  | 1 2    | 已在务工地参保 | false
            one person fewer                                 | YB1   | RFYB1     | 38000  | 1      | 已在务工地参保 | false
            another order                                    | YB2   | RFYB1     | 76000  | 1 2    | 已在务工地参保 | false
            """)
    void aConfirmationHoldsOnlyForTheRefundThePreviewShowed(String change, String orderNo, String refundNo, long amount,
                                                          String people, String reason, boolean same) {
        RefundRules.Refund previewed = new RefundRules.Refund("RFYB1", List.of(HIM, HER), 76000, true);
        RefundRules.Refund now = new RefundRules.Refund(refundNo, Stream.of(people.split(" "))
                .map(n -> n.equals("1") ? HIM : HER).toList(), amount, true);

        assertThat(RefundRules.confirmation(orderNo, now, reason)
                .equals(RefundRules.confirmation("YB1", previewed, "已在务工地参保"))).isEqualTo(same);
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(value = {"NULL, 请填写退款原因", "'  ', 请填写退款原因", "已在务工地参保, NULL"}, nullValues = "NULL")
    void anOperatorMustSayWhy(String reason, String problem) {
        String found = RefundRules.reasonProblem(reason) == null ? null : RealBundles.zh(RefundRules.reasonProblem(reason));
        if (problem == null) {
            assertThat(found).isNull();
        } else {
            assertThat(found).startsWith(problem);
        }
        assertThat(RealBundles.zh(RefundRules.reasonProblem("退".repeat(201)))).contains("200");
    }

    private static String describe(RefundRules.Decision decision) {
        if (decision instanceof RefundRules.Refused refused) {
            return "REFUSED " + RealBundles.zh(refused.message());
        }
        if (decision instanceof RefundRules.Retry retry) {
            return "RETRY " + retry.refundNo() + " " + retry.insuredIds().stream()
                    .map(id -> String.valueOf(id.getLeastSignificantBits())).toList() + " " + retry.amountFen();
        }
        RefundRules.Refund refund = (RefundRules.Refund) decision;
        return "REFUND " + refund.refundNo() + " " + refund.insuredIds().stream()
                .map(id -> String.valueOf(id.getLeastSignificantBits())).toList() + " " + refund.amountFen()
                + (refund.wholeOrder() ? " whole" : " part");
    }
}
