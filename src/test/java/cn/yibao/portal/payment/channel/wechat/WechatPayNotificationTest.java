package cn.yibao.portal.payment.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.payment.channel.NotificationAnswer;
import cn.yibao.portal.payment.channel.NotificationRequest;
import cn.yibao.portal.payment.channel.TestKeys;
import cn.yibao.portal.payment.domain.ChannelNotice;
import cn.yibao.portal.payment.domain.ChannelOutcome;
import cn.yibao.portal.shared.Phrase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** WeChat Pay notifications: the SDK checks signature and decrypts, we add the timestamp window and the mapping. */
class WechatPayNotificationTest {

    private static final Instant NOW = Instant.parse("2024-01-01T02:00:20Z");

    private static final String PAID = """
            {"mchid":"1900000109","appid":"wx8888888888888888","out_trade_no":"P20240101000001",\
            "transaction_id":"4200002024010112345678901234","trade_type":"MWEB","trade_state":"SUCCESS",\
            "trade_state_desc":"支付成功","bank_type":"OTHERS","attach":"",\
            "success_time":"2024-01-01T10:00:12+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},\
            "amount":{"total":38000,"payer_total":38000,"currency":"CNY","payer_currency":"CNY"}}""";

    private static final String REFUNDED = """
            {"mchid":"1900000109","out_trade_no":"P20240101000001","transaction_id":"4200002024010112345678901234",\
            "out_refund_no":"R20240102000001","refund_id":"50300002024010212345678901","refund_status":"SUCCESS",\
            "success_time":"2024-01-02T09:10:00+08:00","user_received_account":"支付用户零钱",\
            "amount":{"total":38000,"refund":38000,"payer_total":38000,"payer_refund":38000}}""";

    @TempDir
    Path keys;

    private WechatPayFixture fixture;
    private WechatPayChannel channel;

    @BeforeEach
    void merchant() {
        fixture = new WechatPayFixture(keys);
        channel = fixture.channel(WechatPaySettings.DEFAULT_BASE_URL, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ChannelNotice verify(NotificationRequest request) {
        return channel.verify(request).block();
    }

    private static String paidBody(String apiV3Key) {
        return WechatPayFixture.notificationBody("TRANSACTION.SUCCESS", "transaction", PAID, apiV3Key);
    }

    @Test
    void genuinePaymentNotificationGivesTheOrderAmountAndTransaction() {
        ChannelNotice notice = verify(fixture.signedByPlatform(paidBody(WechatPayFixture.API_V3_KEY), NOW));

        assertThat(notice).isEqualTo(new ChannelNotice.PaymentResult("1900000109", "P20240101000001",
                "4200002024010112345678901234", 38000, ChannelOutcome.PAID, Instant.parse("2024-01-01T02:00:12Z")));
    }

    @Test
    void genuineRefundNotificationGivesOurRefundNumberAndTheRefundedAmount() {
        String body = WechatPayFixture.notificationBody("REFUND.SUCCESS", "refund", REFUNDED,
                WechatPayFixture.API_V3_KEY);

        ChannelNotice notice = verify(fixture.signedByPlatform(body, NOW));

        assertThat(notice).isEqualTo(new ChannelNotice.RefundResult("1900000109", "P20240101000001",
                "R20240102000001", "50300002024010212345678901", 38000, true, Instant.parse("2024-01-02T01:10:00Z")));
    }

    @Test
    void abnormalRefundIsReportedAsNotSucceeded() {
        String body = WechatPayFixture.notificationBody("REFUND.ABNORMAL", "refund",
                REFUNDED.replace("\"refund_status\":\"SUCCESS\"", "\"refund_status\":\"ABNORMAL\""),
                WechatPayFixture.API_V3_KEY);

        assertThat(verify(fixture.signedByPlatform(body, NOW)))
                .isInstanceOfSatisfying(ChannelNotice.RefundResult.class, refund -> assertThat(refund.succeeded()).isFalse());
    }

    @Test
    void alteredBodyIsForged() {
        NotificationRequest genuine = fixture.signedByPlatform(paidBody(WechatPayFixture.API_V3_KEY), NOW);
        String altered = new String(genuine.body(), StandardCharsets.UTF_8).replace("支付成功", "支付成功 ");

        ChannelNotice notice = verify(new NotificationRequest(genuine.headers(),
                altered.getBytes(StandardCharsets.UTF_8), Map.of()));

        assertThat(notice).isInstanceOf(ChannelNotice.Forged.class);
    }

    @Test
    void signatureOverAnotherMessageIsForged() {
        NotificationRequest genuine = fixture.signedByPlatform(paidBody(WechatPayFixture.API_V3_KEY), NOW);
        Map<String, String> headers = new HashMap<>(genuine.headers());
        headers.put("wechatpay-signature", TestKeys.sign(fixture.platform.getPrivate(), "something else"));

        assertThat(verify(new NotificationRequest(headers, genuine.body(), Map.of())))
                .isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.badSignature")));
    }

    @Test
    void garbageSignatureIsForged() {
        NotificationRequest genuine = fixture.signedByPlatform(paidBody(WechatPayFixture.API_V3_KEY), NOW);
        Map<String, String> headers = new HashMap<>(genuine.headers());
        headers.put("wechatpay-signature", "WECHATPAY/SIGNTEST/not-base64!");

        assertThat(verify(new NotificationRequest(headers, genuine.body(), Map.of())))
                .isInstanceOf(ChannelNotice.Forged.class);
    }

    @Test
    void notificationSignedWithAnotherKeyIsForged() {
        NotificationRequest request = WechatPayFixture.signed(paidBody(WechatPayFixture.API_V3_KEY), NOW,
                TestKeys.named("stranger").getPrivate(), WechatPayFixture.PUBLIC_KEY_ID);

        assertThat(verify(request)).isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.badSignature")));
    }

    @Test
    void notificationNamingAnotherPublicKeyIsForged() {
        NotificationRequest request = WechatPayFixture.signed(paidBody(WechatPayFixture.API_V3_KEY), NOW,
                fixture.platform.getPrivate(), "PUB_KEY_ID_SOMEONE_ELSE");

        assertThat(verify(request)).isInstanceOf(ChannelNotice.Forged.class);
    }

    @Test
    void resourceEncryptedWithAnotherApiV3KeyIsForged() {
        String body = paidBody("0123456789abcdef0123456789abcdef");

        assertThat(verify(fixture.signedByPlatform(body, NOW))).isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.undecryptable")));
    }

    @Test
    void notificationOlderThanFiveMinutesIsForged() {
        NotificationRequest stale = fixture.signedByPlatform(paidBody(WechatPayFixture.API_V3_KEY),
                NOW.minus(Duration.ofMinutes(5)).minusSeconds(1));

        assertThat(verify(stale)).isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.timestamp")));
    }

    @Test
    void notificationFromMoreThanFiveMinutesAheadIsForged() {
        NotificationRequest early = fixture.signedByPlatform(paidBody(WechatPayFixture.API_V3_KEY),
                NOW.plus(Duration.ofMinutes(5)).plusSeconds(1));

        assertThat(verify(early)).isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.timestamp")));
    }

    @Test
    void notificationJustInsideTheWindowIsAccepted() {
        NotificationRequest late = fixture.signedByPlatform(paidBody(WechatPayFixture.API_V3_KEY),
                NOW.minus(Duration.ofMinutes(5)));

        assertThat(verify(late)).isInstanceOf(ChannelNotice.PaymentResult.class);
    }

    @Test
    void notificationWithoutSignatureHeadersIsForged() {
        NotificationRequest genuine = fixture.signedByPlatform(paidBody(WechatPayFixture.API_V3_KEY), NOW);
        Map<String, String> headers = new HashMap<>(genuine.headers());
        headers.remove("wechatpay-signature");

        assertThat(verify(new NotificationRequest(headers, genuine.body(), Map.of())))
                .isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.noSignature")));
    }

    @Test
    void signedButUnreadableResourceIsForged() {
        String body = WechatPayFixture.notificationBody("TRANSACTION.SUCCESS", "transaction",
                "{\"mchid\":\"1900000109\"}", WechatPayFixture.API_V3_KEY);

        assertThat(verify(fixture.signedByPlatform(body, NOW))).isEqualTo(new ChannelNotice.Forged(Phrase.of("notify.forged.unreadable")));
    }

    @Test
    void acknowledgementIs200AndRejectionIs401WithWechatsErrorFormat() {
        assertThat(channel.acknowledge().status()).isEqualTo(200);

        NotificationAnswer rejected = channel.reject("签名无效");

        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.contentType()).isEqualTo("application/json");
        JsonNode body = JsonMapper.builder().build().readTree(rejected.body());
        assertThat(body.get("code").asString()).isEqualTo("FAIL");
        assertThat(body.get("message").asString()).isEqualTo("签名无效");
    }
}
