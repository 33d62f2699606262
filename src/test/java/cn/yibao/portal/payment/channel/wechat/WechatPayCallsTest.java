package cn.yibao.portal.payment.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yibao.portal.payment.channel.ChannelCallException;
import cn.yibao.portal.payment.channel.LoopbackServer;
import cn.yibao.portal.payment.channel.TestKeys;
import cn.yibao.portal.payment.domain.ChannelOrder;
import cn.yibao.portal.payment.domain.ChannelOutcome;
import cn.yibao.portal.payment.domain.ChannelQuery;
import cn.yibao.portal.payment.domain.Checkout;
import cn.yibao.portal.payment.domain.RefundAnswer;
import cn.yibao.portal.payment.domain.RefundRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Our calls to WeChat Pay's API, answered by a local server that checks our signature and signs its answers. */
class WechatPayCallsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ChannelOrder ORDER = new ChannelOrder("P20240101000001", 38000, "城乡居民医保 2024 年度个人缴费",
            Instant.parse("2024-01-01T02:30:00Z"), null, "203.0.113.7", "https://portal.example.cn/payment/42");

    @TempDir
    Path keys;

    private final LoopbackServer wechat = new LoopbackServer();
    private WechatPayFixture fixture;
    private WechatPayChannel channel;

    @BeforeEach
    void merchant() {
        fixture = new WechatPayFixture(keys);
        channel = fixture.channel(wechat.baseUrl(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    @Test
    void outsideWechatTheOrderOpensAsH5AndThePayerIsSentBackToOurPage() {
        wechat.respond(request -> fixture.answer(200,
                "{\"h5_url\":\"https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx01&package=1\"}"));

        Checkout checkout = channel.open(ORDER, false).block();

        assertThat(checkout.payUrl()).isEqualTo("https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx01"
                + "&package=1&redirect_url=https%3A%2F%2Fportal.example.cn%2Fpayment%2F42");
        assertThat(checkout.jsapiParameters()).isEmpty();
        LoopbackServer.Request sent = wechat.onlyRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v3/pay/transactions/h5");
        assertThat(fixture.signedByMerchant(sent)).isTrue();
        JsonNode body = json(sent.body());
        assertThat(body.get("out_trade_no").asString()).isEqualTo("P20240101000001");
        assertThat(body.get("amount").get("total").asLong()).isEqualTo(38000);
        assertThat(body.get("amount").get("currency").asString()).isEqualTo("CNY");
        assertThat(body.get("mchid").asString()).isEqualTo(WechatPayFixture.MCHID);
        assertThat(body.get("appid").asString()).isEqualTo(WechatPayFixture.APPID);
        assertThat(body.get("notify_url").asString()).isEqualTo(WechatPayFixture.NOTIFY_URL);
        assertThat(body.get("time_expire").asString()).isEqualTo("2024-01-01T10:30:00+08:00");
        assertThat(body.get("scene_info").get("payer_client_ip").asString()).isEqualTo("203.0.113.7");
        assertThat(body.get("scene_info").get("h5_info").get("type").asString()).isEqualTo("Wap");
    }

    @Test
    void insideWechatWithAnOpenidTheOrderOpensAsJsapiWithSignedBridgeParameters() {
        wechat.respond(request -> fixture.answer(200, "{\"prepay_id\":\"wx201410272009395522657a690389285100\"}"));
        ChannelOrder order = new ChannelOrder(ORDER.orderNo(), ORDER.amountFen(), ORDER.description(),
                ORDER.expiresAt(), "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", ORDER.clientAddress(), ORDER.returnUrl());

        Checkout checkout = channel.open(order, true).block();

        LoopbackServer.Request sent = wechat.onlyRequest();
        assertThat(sent.path()).isEqualTo("/v3/pay/transactions/jsapi");
        assertThat(fixture.signedByMerchant(sent)).isTrue();
        assertThat(json(sent.body()).get("payer").get("openid").asString()).isEqualTo("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        assertThat(json(sent.body()).get("amount").get("total").asLong()).isEqualTo(38000);
        Map<String, String> bridge = checkout.jsapiParameters();
        assertThat(bridge).containsOnlyKeys("appId", "timeStamp", "nonceStr", "package", "signType", "paySign");
        assertThat(bridge.get("appId")).isEqualTo(WechatPayFixture.APPID);
        assertThat(bridge.get("package")).isEqualTo("prepay_id=wx201410272009395522657a690389285100");
        assertThat(bridge.get("signType")).isEqualTo("RSA");
        assertThat(TestKeys.verify(fixture.merchant.getPublic(), bridge.get("appId") + "\n" + bridge.get("timeStamp")
                + "\n" + bridge.get("nonceStr") + "\n" + bridge.get("package") + "\n", bridge.get("paySign"))).isTrue();
        assertThat(checkout.payUrl()).isEqualTo(ORDER.returnUrl());
    }

    @Test
    void insideWechatWithoutAnOpenidTheOrderOpensAsH5() {
        wechat.respond(request -> fixture.answer(200, "{\"h5_url\":\"https://wx.tenpay.com/checkmweb?prepay_id=wx02\"}"));

        channel.open(ORDER, true).block();

        assertThat(wechat.onlyRequest().path()).isEqualTo("/v3/pay/transactions/h5");
    }

    @Test
    void paidOrderIsReportedPaidWithTransactionAndTime() {
        wechat.respond(request -> fixture.answer(200, """
                {"appid":"wx8888888888888888","mchid":"1900000109","out_trade_no":"P20240101000001",\
                "transaction_id":"4200002024010112345678901234","trade_type":"MWEB","trade_state":"SUCCESS",\
                "trade_state_desc":"支付成功","bank_type":"OTHERS","success_time":"2024-01-01T10:00:12+08:00",\
                "payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},\
                "amount":{"total":38000,"payer_total":38000,"currency":"CNY","payer_currency":"CNY"}}"""));

        ChannelQuery answer = channel.query("P20240101000001").block();

        assertThat(answer).isEqualTo(new ChannelQuery("P20240101000001", ChannelOutcome.PAID,
                "4200002024010112345678901234", 38000, Instant.parse("2024-01-01T02:00:12Z")));
        LoopbackServer.Request sent = wechat.onlyRequest();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.pathAndQuery()).isEqualTo("/v3/pay/transactions/out-trade-no/P20240101000001?mchid=1900000109");
        assertThat(fixture.signedByMerchant(sent)).isTrue();
    }

    @Test
    void unpaidOrderIsPendingWithoutTransaction() {
        wechat.respond(request -> fixture.answer(200, """
                {"appid":"wx8888888888888888","mchid":"1900000109","out_trade_no":"P20240101000001",\
                "trade_state":"NOTPAY","trade_state_desc":"订单未支付","amount":{"total":38000,"currency":"CNY"}}"""));

        assertThat(channel.query("P20240101000001").block())
                .isEqualTo(new ChannelQuery("P20240101000001", ChannelOutcome.PENDING, null, 38000, null));
    }

    @Test
    void orderUnknownToWechatIsUnknown() {
        wechat.respond(request -> fixture.answer(404, "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}"));

        assertThat(channel.query("P20240101000009").block().outcome()).isEqualTo(ChannelOutcome.UNKNOWN);
    }

    @Test
    void answerWithoutWechatsSignatureIsNotBelieved() {
        wechat.respond(request -> {
            LoopbackServer.Response genuine = fixture.answer(200, "{\"out_trade_no\":\"P20240101000001\","
                    + "\"trade_state\":\"NOTPAY\",\"mchid\":\"1900000109\",\"amount\":{\"total\":38000}}");
            return new LoopbackServer.Response(200, genuine.headers(), genuine.body().replace("NOTPAY", "SUCCESS"));
        });

        assertThatThrownBy(() -> channel.query("P20240101000001").block())
                .isInstanceOf(ChannelCallException.class).hasMessageContaining("the answer's signature is not valid");
    }

    @Test
    void closingSendsOurMerchantIdAndAcceptsNoContent() {
        wechat.respond(request -> fixture.answer(204, ""));

        channel.close("P20240101000001").block();

        LoopbackServer.Request sent = wechat.onlyRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v3/pay/transactions/out-trade-no/P20240101000001/close");
        assertThat(json(sent.body()).get("mchid").asString()).isEqualTo(WechatPayFixture.MCHID);
        assertThat(fixture.signedByMerchant(sent)).isTrue();
    }

    @Test
    void closingAnOrderWechatDoesNotKnowIsFine() {
        wechat.respond(request -> fixture.answer(404, "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}"));

        channel.close("P20240101000009").block();

        assertThat(wechat.requests()).hasSize(1);
    }

    @Test
    void closingAPaidOrderIsAnError() {
        wechat.respond(request -> fixture.answer(400, "{\"code\":\"ORDERPAID\",\"message\":\"订单已支付\"}"));

        assertThatThrownBy(() -> channel.close("P20240101000001").block())
                .isInstanceOf(ChannelCallException.class).hasMessageContaining("ORDERPAID");
    }

    @Test
    void refundSendsOurRefundNumberAndAmounts() {
        wechat.respond(request -> fixture.answer(200, """
                {"refund_id":"50300002024010212345678901","out_refund_no":"R20240102000001",\
                "transaction_id":"4200002024010112345678901234","out_trade_no":"P20240101000001",\
                "channel":"ORIGINAL","user_received_account":"支付用户零钱","create_time":"2024-01-02T09:00:00+08:00",\
                "status":"PROCESSING","amount":{"total":38000,"refund":38000,"payer_total":38000,"payer_refund":38000,\
                "settlement_refund":38000,"settlement_total":38000,"discount_refund":0,"currency":"CNY"}}"""));

        RefundAnswer answer = channel.refund(new RefundRequest("P20240101000001", "4200002024010112345678901234",
                "R20240102000001", 38000, 38000, "重复缴费退款")).block();

        assertThat(answer).isEqualTo(new RefundAnswer("R20240102000001", RefundAnswer.Status.PROCESSING,
                "50300002024010212345678901", null));
        LoopbackServer.Request sent = wechat.onlyRequest();
        assertThat(sent.path()).isEqualTo("/v3/refund/domestic/refunds");
        assertThat(fixture.signedByMerchant(sent)).isTrue();
        JsonNode body = json(sent.body());
        assertThat(body.get("out_trade_no").asString()).isEqualTo("P20240101000001");
        assertThat(body.get("transaction_id").asString()).isEqualTo("4200002024010112345678901234");
        assertThat(body.get("out_refund_no").asString()).isEqualTo("R20240102000001");
        assertThat(body.get("amount").get("refund").asLong()).isEqualTo(38000);
        assertThat(body.get("amount").get("total").asLong()).isEqualTo(38000);
        assertThat(body.get("reason").asString()).isEqualTo("重复缴费退款");
        assertThat(body.get("notify_url").asString()).isEqualTo(WechatPayFixture.NOTIFY_URL);
    }

    @Test
    void refundWechatRefusesIsFailedWithItsCode() {
        wechat.respond(request -> fixture.answer(403, "{\"code\":\"NOT_ENOUGH\",\"message\":\"基本账户余额不足\"}"));

        RefundAnswer answer = channel.refund(new RefundRequest("P20240101000001", null, "R20240102000001", 38000,
                38000, null)).block();

        assertThat(answer.status()).isEqualTo(RefundAnswer.Status.FAILED);
        assertThat(answer.failure()).isEqualTo("NOT_ENOUGH");
    }

    @Test
    void refundWithAnUnknownOutcomeIsAnErrorSoThatItIsRetried() {
        wechat.respond(request -> fixture.answer(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}"));

        assertThatThrownBy(() -> channel.refund(new RefundRequest("P20240101000001", null, "R20240102000001", 38000,
                38000, null)).block()).isInstanceOf(ChannelCallException.class).hasMessageContaining("SYSTEM_ERROR");
    }

    @Test
    void unreachableWechatIsAnError() {
        wechat.close();

        assertThatThrownBy(() -> channel.query("P20240101000001").block())
                .isInstanceOf(ChannelCallException.class).hasMessageContaining("cannot reach WeChat Pay");
    }
}
