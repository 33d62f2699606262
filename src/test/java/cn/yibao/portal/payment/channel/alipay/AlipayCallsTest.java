package cn.yibao.portal.payment.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yibao.portal.payment.channel.ChannelCallException;
import cn.yibao.portal.payment.channel.LoopbackServer;
import cn.yibao.portal.payment.domain.ChannelOrder;
import cn.yibao.portal.payment.domain.ChannelOutcome;
import cn.yibao.portal.payment.domain.ChannelQuery;
import cn.yibao.portal.payment.domain.Checkout;
import cn.yibao.portal.payment.domain.RefundAnswer;
import cn.yibao.portal.payment.domain.RefundRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Our calls to the Alipay gateway, answered by a local gateway that checks our signature and signs its answers. */
class AlipayCallsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ChannelOrder ORDER = new ChannelOrder("P20240101000002", 38000, "城乡居民医保 2024 年度个人缴费",
            Instant.parse("2024-01-01T02:30:00Z"), null, "203.0.113.7", "https://portal.example.cn/payment/43");

    private final AlipayFixture fixture = new AlipayFixture();
    private final LoopbackServer gateway = new LoopbackServer();
    private AlipayChannel channel;

    @BeforeEach
    void application() {
        channel = fixture.channel(gateway.baseUrl() + "/gateway.do", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    /** The request's parameters, after checking that it is ours, signed, and for {@code method}. */
    private Map<String, String> signedRequest(String method) {
        LoopbackServer.Request request = gateway.onlyRequest();
        assertThat(request.path()).isEqualTo("/gateway.do");
        Map<String, String> params = AlipayFixture.parameters(request);
        assertThat(params.get("method")).isEqualTo(method);
        assertThat(params.get("app_id")).isEqualTo(AlipayFixture.APP_ID);
        assertThat(params.get("sign_type")).isEqualTo("RSA2");
        assertThat(fixture.signedByApp(params)).as("signed with our application key").isTrue();
        return params;
    }

    private static JsonNode bizContent(Map<String, String> params) {
        return JSON.readTree(params.get("biz_content"));
    }

    @Test
    void openingGivesASignedWapPayUrlOnTheGatewayWithoutCallingIt() {
        Checkout checkout = channel.open(ORDER, false).block();

        assertThat(checkout.payUrl()).startsWith(gateway.baseUrl() + "/gateway.do?");
        assertThat(checkout.jsapiParameters()).isEmpty();
        assertThat(gateway.requests()).isEmpty();
        Map<String, String> params = AlipayFixture.decode(checkout.payUrl().substring(checkout.payUrl().indexOf('?') + 1));
        assertThat(params.get("method")).isEqualTo("alipay.trade.wap.pay");
        assertThat(params.get("notify_url")).isEqualTo(AlipayFixture.NOTIFY_URL);
        assertThat(params.get("return_url")).isEqualTo("https://portal.example.cn/payment/43");
        assertThat(fixture.signedByApp(params)).isTrue();
        JsonNode biz = bizContent(params);
        assertThat(biz.get("out_trade_no").asString()).isEqualTo("P20240101000002");
        assertThat(biz.get("total_amount").asString()).isEqualTo("380.00");
        assertThat(biz.get("product_code").asString()).isEqualTo("QUICK_WAP_WAY");
        assertThat(biz.get("seller_id").asString()).isEqualTo(AlipayFixture.SELLER_ID);
        assertThat(biz.get("time_expire").asString()).isEqualTo("2024-01-01 10:30:00");
        assertThat(biz.get("quit_url").asString()).isEqualTo("https://portal.example.cn/payment/43");
    }

    @Test
    void paidTradeIsReportedPaidWithTradeNumberAndTime() {
        gateway.respond(request -> fixture.answer("alipay.trade.query", """
                {"code":"10000","msg":"Success","buyer_logon_id":"zha***@163.com","buyer_pay_amount":"380.00",\
                "buyer_user_id":"2088102177846875","invoice_amount":"380.00","out_trade_no":"P20240101000002",\
                "point_amount":"0.00","receipt_amount":"380.00","send_pay_date":"2024-01-01 10:05:21",\
                "total_amount":"380.00","trade_no":"2024010122001412340501234567","trade_status":"TRADE_SUCCESS"}"""));

        ChannelQuery answer = channel.query("P20240101000002").block();

        assertThat(answer).isEqualTo(new ChannelQuery("P20240101000002", ChannelOutcome.PAID,
                "2024010122001412340501234567", 38000, Instant.parse("2024-01-01T02:05:21Z")));
        assertThat(bizContent(signedRequest("alipay.trade.query")).get("out_trade_no").asString())
                .isEqualTo("P20240101000002");
    }

    @Test
    void tradeWaitingForThePayerIsPending() {
        gateway.respond(request -> fixture.answer("alipay.trade.query", """
                {"code":"10000","msg":"Success","out_trade_no":"P20240101000002","total_amount":"380.00",\
                "trade_no":"2024010122001412340501234567","trade_status":"WAIT_BUYER_PAY"}"""));

        assertThat(channel.query("P20240101000002").block())
                .isEqualTo(new ChannelQuery("P20240101000002", ChannelOutcome.PENDING, null, 38000, null));
    }

    @Test
    void tradeAlipayDoesNotKnowIsUnknown() {
        gateway.respond(request -> fixture.answer("alipay.trade.query", """
                {"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在",\
                "buyer_pay_amount":"0.00","invoice_amount":"0.00","out_trade_no":"P20240101000002",\
                "point_amount":"0.00","receipt_amount":"0.00"}"""));

        assertThat(channel.query("P20240101000002").block().outcome()).isEqualTo(ChannelOutcome.UNKNOWN);
    }

    @Test
    void answerNotSignedByAlipayIsNotBelieved() {
        gateway.respond(request -> {
            LoopbackServer.Response genuine = fixture.answer("alipay.trade.query", """
                    {"code":"10000","msg":"Success","out_trade_no":"P20240101000002","total_amount":"380.00",\
                    "trade_no":"2024010122001412340501234567","trade_status":"WAIT_BUYER_PAY"}""");
            return new LoopbackServer.Response(200, genuine.headers(),
                    genuine.body().replace("WAIT_BUYER_PAY", "TRADE_SUCCESS"));
        });

        assertThatThrownBy(() -> channel.query("P20240101000002").block())
                .isInstanceOf(ChannelCallException.class).hasMessageContaining("the answer's signature is not valid");
    }

    @Test
    void closingAnUnpaidTrade() {
        gateway.respond(request -> fixture.answer("alipay.trade.close", """
                {"code":"10000","msg":"Success","out_trade_no":"P20240101000002",\
                "trade_no":"2024010122001412340501234567"}"""));

        channel.close("P20240101000002").block();

        assertThat(bizContent(signedRequest("alipay.trade.close")).get("out_trade_no").asString())
                .isEqualTo("P20240101000002");
    }

    @Test
    void closingATradeAlipayDoesNotKnowIsFine() {
        gateway.respond(request -> fixture.answer("alipay.trade.close", """
                {"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}"""));

        channel.close("P20240101000002").block();

        assertThat(gateway.requests()).hasSize(1);
    }

    @Test
    void closingAPaidTradeIsAnError() {
        gateway.respond(request -> fixture.answer("alipay.trade.close", """
                {"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_STATUS_ERROR","sub_msg":"交易状态不合法"}"""));

        assertThatThrownBy(() -> channel.close("P20240101000002").block())
                .isInstanceOf(ChannelCallException.class).hasMessageContaining("ACQ.TRADE_STATUS_ERROR");
    }

    @Test
    void refundSendsOurRefundNumberAsRequestNumberAndTheAmountInYuan() {
        gateway.respond(request -> fixture.answer("alipay.trade.refund", """
                {"code":"10000","msg":"Success","buyer_logon_id":"zha***@163.com","buyer_user_id":"2088102177846875",\
                "fund_change":"Y","gmt_refund_pay":"2024-01-01 16:30:45","out_trade_no":"P20240101000002",\
                "refund_fee":"380.00","send_back_fee":"0.00","trade_no":"2024010122001412340501234567"}"""));

        RefundAnswer answer = channel.refund(new RefundRequest("P20240101000002", "2024010122001412340501234567",
                "R20240101000002", 38000, 38000, "重复缴费退款")).block();

        assertThat(answer).isEqualTo(new RefundAnswer("R20240101000002", RefundAnswer.Status.SUCCEEDED,
                "2024010122001412340501234567", null));
        JsonNode biz = bizContent(signedRequest("alipay.trade.refund"));
        assertThat(biz.get("out_trade_no").asString()).isEqualTo("P20240101000002");
        assertThat(biz.get("trade_no").asString()).isEqualTo("2024010122001412340501234567");
        assertThat(biz.get("out_request_no").asString()).isEqualTo("R20240101000002");
        assertThat(biz.get("refund_amount").asString()).isEqualTo("380.00");
        assertThat(biz.get("refund_reason").asString()).isEqualTo("重复缴费退款");
    }

    @Test
    void refundAlipayRefusesIsFailedWithItsCode() {
        gateway.respond(request -> fixture.answer("alipay.trade.refund", """
                {"code":"40004","msg":"Business Failed","sub_code":"ACQ.SELLER_BALANCE_NOT_ENOUGH",\
                "sub_msg":"卖家余额不足"}"""));

        RefundAnswer answer = channel.refund(new RefundRequest("P20240101000002", null, "R20240101000002", 38000,
                38000, null)).block();

        assertThat(answer.status()).isEqualTo(RefundAnswer.Status.FAILED);
        assertThat(answer.failure()).isEqualTo("ACQ.SELLER_BALANCE_NOT_ENOUGH");
    }

    @Test
    void refundWithAnUnknownOutcomeIsAnErrorSoThatItIsRetried() {
        gateway.respond(request -> fixture.answer("alipay.trade.refund", """
                {"code":"20000","msg":"Service Currently Unavailable","sub_code":"aop.ACQ.SYSTEM_ERROR",\
                "sub_msg":"系统繁忙"}"""));

        assertThatThrownBy(() -> channel.refund(new RefundRequest("P20240101000002", null, "R20240101000002", 38000,
                38000, null)).block()).isInstanceOf(ChannelCallException.class).hasMessageContaining("SYSTEM_ERROR");
    }

    @Test
    void unreachableGatewayIsAnError() {
        gateway.close();

        assertThatThrownBy(() -> channel.query("P20240101000002").block())
                .isInstanceOf(ChannelCallException.class).hasMessageContaining("cannot reach Alipay");
    }
}
