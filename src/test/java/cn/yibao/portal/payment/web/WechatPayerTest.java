package cn.yibao.portal.payment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.yibao.portal.payment.PaymentChannels;
import cn.yibao.portal.payment.channel.LoopbackServer;
import cn.yibao.portal.payment.channel.wechat.WechatWebAuth;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.web.Pages;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Inside WeChat the payment page first sends the payer through WeChat's silent authorization; the code that comes
 * back with our one-time state gives the payer's openid, kept in the web session for JSAPI. Outside WeChat, with a
 * state this session did not start, or when WeChat refuses the code, nothing is kept. WeChat's API is a local server;
 * the payment page is a stand-in that shows what {@link WechatPayer} decided.
 */
class WechatPayerTest {

    static final String WECHAT_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.42(0x18002a2a) NetType/WIFI Language/zh_CN";
    static final String SAFARI_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    private final LoopbackServer wechat = new LoopbackServer();
    private WebTestClient portal;

    @BeforeEach
    void portal() {
        WechatWebAuth auth = new WechatWebAuth("wx8888888888888888", "0123456789abcdef0123456789abcdef",
                "https://open.weixin.qq.com/connect/oauth2/authorize", wechat.baseUrl(), Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("wechatWebAuth", auth);
        PaymentChannels channels = mock(PaymentChannels.class);
        when(channels.enabled()).thenReturn(List.of(PaymentChannelId.WECHAT_PAY));
        Pages pages = mock(Pages.class);
        when(pages.render(any(), eq("payment/wechat-auth"), anyMap(), any(HttpStatusCode.class)))
                .thenAnswer(call -> ServerResponse.status(call.<HttpStatusCode>getArgument(3)).bodyValue("refused"));
        WechatPayer payer = new WechatPayer(beans.getBeanProvider(WechatWebAuth.class), channels, pages, "");
        // The payment page as PaymentPages uses WechatPayer: authorize first, else show the page (here: the openid).
        portal = WebTestClient.bindToRouterFunction(payer.wechatPayerRouter().and(RouterFunctions.route()
                        .GET("/payment/new", request -> payer.authorizationFirst(request, "/payment/new?year=2024")
                                .flatMap(to -> ServerResponse.seeOther(to).build())
                                .switchIfEmpty(Mono.defer(() -> payer.openId(request).defaultIfEmpty("none")
                                        .flatMap(openId -> ServerResponse.ok().bodyValue("openid=" + openId)))))
                        .build()))
                .configureClient().baseUrl("https://portal.example.cn").build();
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    private EntityExchangeResult<String> get(String path, String userAgent, String session) {
        return portal.get().uri(path).header(HttpHeaders.USER_AGENT, userAgent)
                .cookies(cookies -> {
                    if (session != null) {
                        cookies.add("SESSION", session);
                    }
                })
                .exchange().expectBody(String.class).returnResult();
    }

    private static String session(EntityExchangeResult<?> result) {
        ResponseCookie cookie = result.getResponseCookies().getFirst("SESSION");
        assertThat(cookie).as("a web session").isNotNull();
        return cookie.getValue();
    }

    private static String stateIn(URI authorize) {
        for (String pair : authorize.getRawQuery().split("&")) {
            if (pair.startsWith("state=")) {
                return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no state in " + authorize);
    }

    private void wechatGivesTheOpenid() {
        wechat.respond(request -> new LoopbackServer.Response(200, Map.of("Content-Type", "text/plain"),
                "{\"access_token\":\"ACCESS\",\"expires_in\":7200,\"openid\":\"" + OPENID + "\",\"scope\":\"snsapi_base\"}"));
    }

    @Test
    void insideWechatThePayerIsAuthorizedOnceAndTheOpenidIsKeptInTheirWebSession() {
        wechatGivesTheOpenid();
        EntityExchangeResult<String> first = get("/payment/new", WECHAT_UA, null);
        assertThat(first.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        URI authorize = first.getResponseHeaders().getLocation();
        assertThat(authorize.toString()).startsWith("https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx8888888888888888"
                        + "&redirect_uri=https%3A%2F%2Fportal.example.cn%2Fpayment%2Fwechat-auth&response_type=code"
                        + "&scope=snsapi_base&state=")
                .endsWith("#wechat_redirect");
        String session = session(first);
        String state = stateIn(authorize);
        assertThat(state).hasSize(32);

        EntityExchangeResult<String> back = get("/payment/wechat-auth?code=061Abc&state=" + state, WECHAT_UA, session);

        assertThat(back.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(back.getResponseHeaders().getLocation()).hasToString("/payment/new?year=2024");
        assertThat(wechat.onlyRequest().pathAndQuery()).contains("code=061Abc", "grant_type=authorization_code");
        assertThat(get("/payment/new", WECHAT_UA, session).getResponseBody()).as("no second round")
                .isEqualTo("openid=" + OPENID);
        assertThat(back.getResponseBody()).as("the openid is never shown").isNullOrEmpty();

        EntityExchangeResult<String> replayed = get("/payment/wechat-auth?code=061Abc&state=" + state, WECHAT_UA, session);
        assertThat(replayed.getStatus()).as("a state is used once").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wechat.requests()).as("WeChat is not asked again").hasSize(1);
    }

    @Test
    void aCallbackWithAStateThisSessionDidNotStartKeepsNothingAndAsksWechatNothing() {
        wechatGivesTheOpenid();
        EntityExchangeResult<String> first = get("/payment/new", WECHAT_UA, null);
        String session = session(first);

        EntityExchangeResult<String> forged = get("/payment/wechat-auth?code=061Abc&state=0000", WECHAT_UA, session);

        assertThat(forged.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wechat.requests()).isEmpty();
        assertThat(get("/payment/new", WECHAT_UA, session).getStatus()).as("the payer starts again")
                .isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(get("/payment/wechat-auth?code=061Abc", WECHAT_UA, null).getStatus()).as("no session, no state")
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void whenWechatRefusesTheCodeThePayerGoesOnWithoutAnOpenidAndIsNotSentRoundAgain() {
        wechat.respond(request -> new LoopbackServer.Response(200, Map.of(), "{\"errcode\":40163,\"errmsg\":\"code been used\"}"));
        EntityExchangeResult<String> first = get("/payment/new", WECHAT_UA, null);
        String session = session(first);

        EntityExchangeResult<String> back = get("/payment/wechat-auth?code=used&state=" + stateIn(
                first.getResponseHeaders().getLocation()), WECHAT_UA, session);

        assertThat(back.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(get("/payment/new", WECHAT_UA, session).getResponseBody()).isEqualTo("openid=none");
    }

    @Test
    void outsideWechatNobodyIsSentToWechat() {
        EntityExchangeResult<String> page = get("/payment/new", SAFARI_UA, null);

        assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(page.getResponseBody()).isEqualTo("openid=none");
    }
}
