package cn.yibao.portal.payment.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.payment.channel.NotificationRequest;
import cn.yibao.portal.payment.channel.TestKeys;
import cn.yibao.portal.payment.domain.ChannelNotice;
import cn.yibao.portal.payment.domain.ChannelOutcome;
import cn.yibao.portal.shared.Phrase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alipay notifications: RSA2 over the sorted parameters, checked by the SDK on a copy; then the mapping. */
class AlipayNotificationTest {

    private final AlipayFixture fixture = new AlipayFixture();
    private final AlipayChannel channel = fixture.channel("https://openapi.alipay.com/gateway.do",
            Clock.fixed(Instant.parse("2024-01-01T02:05:30Z"), ZoneOffset.UTC));

    private ChannelNotice verify(Map<String, String> params) {
        return channel.verify(AlipayFixture.request(params)).block();
    }

    private Map<String, String> signedByAlipay(Map<String, String> fields) {
        return AlipayFixture.notification(fields, fixture.alipay.getPrivate());
    }

    @Test
    void genuinePaymentNotificationGivesSellerOrderTradeAndAmount() {
        ChannelNotice notice = verify(signedByAlipay(Map.of()));

        assertThat(notice).isEqualTo(new ChannelNotice.PaymentResult(AlipayFixture.SELLER_ID, "P20240101000002",
                "2024010122001412340501234567", 38000, ChannelOutcome.PAID, Instant.parse("2024-01-01T02:05:21Z")));
    }

    @Test
    void tradeStatusesMapToOutcomes() {
        assertThat(outcome("TRADE_SUCCESS")).isEqualTo(ChannelOutcome.PAID);
        assertThat(outcome("TRADE_FINISHED")).isEqualTo(ChannelOutcome.PAID);
        assertThat(outcome("TRADE_CLOSED")).isEqualTo(ChannelOutcome.CLOSED);
        assertThat(outcome("WAIT_BUYER_PAY")).isEqualTo(ChannelOutcome.PENDING);
    }

    private ChannelOutcome outcome(String tradeStatus) {
        return ((ChannelNotice.PaymentResult) verify(signedByAlipay(Map.of("trade_status", tradeStatus)))).outcome();
    }

    /** A full refund closes the trade; gmt_refund has milliseconds ("yyyy-MM-dd HH:mm:ss.S"). */
    @Test
    void refundNotificationGivesOurRefundNumberAndAmount() {
        ChannelNotice notice = verify(signedByAlipay(Map.of("trade_status", "TRADE_CLOSED", "out_biz_no",
                "R20240101000002", "refund_fee", "380.00", "gmt_refund", "2024-01-01 16:30:45.320",
                "gmt_close", "2024-01-01 16:30:45")));

        assertThat(notice).isEqualTo(new ChannelNotice.RefundResult(AlipayFixture.SELLER_ID, "P20240101000002",
                "R20240101000002", "2024010122001412340501234567", 38000, true,
                Instant.parse("2024-01-01T08:30:45.320Z")));
    }

    @Test
    void partialRefundKeepsTheTradeSuccessfulAndIsStillARefund() {
        ChannelNotice notice = verify(signedByAlipay(Map.of("out_biz_no", "R20240101000003", "refund_fee", "100.00",
                "gmt_refund", "2024-01-01 17:00:00")));

        assertThat(notice).isInstanceOfSatisfying(ChannelNotice.RefundResult.class, refund -> {
            assertThat(refund.refundNo()).isEqualTo("R20240101000003");
            assertThat(refund.refundFen()).isEqualTo(10000);
        });
    }

    @Test
    void alteredAmountIsForged() {
        Map<String, String> params = signedByAlipay(Map.of());
        params.put("total_amount", "0.01");

        assertThat(verify(params)).isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.badSignature")));
    }

    @Test
    void notificationSignedWithAnotherKeyIsForged() {
        Map<String, String> params = AlipayFixture.notification(Map.of(), TestKeys.named("stranger").getPrivate());

        assertThat(verify(params)).isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.badSignature")));
    }

    @Test
    void notificationSignedWithOurOwnAppKeyIsForged() {
        Map<String, String> params = AlipayFixture.notification(Map.of(), fixture.app.getPrivate());

        assertThat(verify(params)).isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.badSignature")));
    }

    @Test
    void garbageSignatureIsForged() {
        Map<String, String> params = signedByAlipay(Map.of());
        params.put("sign", "not a signature");

        assertThat(verify(params)).isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.badSignature")));
    }

    @Test
    void notificationWithoutSignatureIsForged() {
        Map<String, String> params = signedByAlipay(Map.of());
        params.remove("sign");

        assertThat(verify(params)).isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.noSignature")));
    }

    @Test
    void genuineNotificationForAnotherApplicationIsNotOurs() {
        assertThat(verify(signedByAlipay(Map.of("app_id", "2021000000000999"))))
                .isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.otherApp")));
    }

    @Test
    void signedButUnknownTradeStatusIsNotTakenForAResult() {
        assertThat(verify(signedByAlipay(Map.of("trade_status", "TRADE_PENDING_SOMETHING"))))
                .isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.unreadable")));
    }

    @Test
    void verifyingLeavesTheCallersParametersAsTheyArrived() {
        Map<String, String> params = signedByAlipay(Map.of());
        Map<String, List<String>> form = new LinkedHashMap<>();
        params.forEach((name, value) -> form.put(name, new java.util.ArrayList<>(List.of(value))));
        Map<String, List<String>> before = new HashMap<>(form);
        NotificationRequest request = new NotificationRequest(Map.of(), new byte[0], form);

        assertThat(channel.verify(request).block()).isInstanceOf(ChannelNotice.PaymentResult.class);
        assertThat(form).isEqualTo(before).containsKeys("sign", "sign_type");

        Map<String, String> plain = new HashMap<>(params);
        assertThat(AlipayChannel.signatureValid(plain, TestKeys.base64(fixture.alipay.getPublic()))).isTrue();
        assertThat(plain).isEqualTo(params);
        assertThat(AlipayChannel.signatureValid(Map.copyOf(params), TestKeys.base64(fixture.alipay.getPublic())))
                .isTrue();
    }

    @Test
    void acknowledgementIsPlainSuccessAndRejectionIsFail() {
        assertThat(channel.acknowledge().body()).isEqualTo("success");
        assertThat(channel.acknowledge().contentType()).isEqualTo("text/plain");
        assertThat(channel.reject("签名无效").body()).isEqualTo("fail");
    }
}
