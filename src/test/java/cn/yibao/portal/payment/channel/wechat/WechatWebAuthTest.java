package cn.yibao.portal.payment.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.payment.channel.LoopbackServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WeChat web authorization (snsapi_base): the consent URL we send the payer to, and the code → openid exchange. */
class WechatWebAuthTest {

    static final String APPID = "wx8888888888888888";
    static final String SECRET = "0123456789abcdef0123456789abcdef";

    private final LoopbackServer wechat = new LoopbackServer();
    private final WechatWebAuth auth = new WechatWebAuth(APPID, SECRET,
            "https://open.weixin.qq.com/connect/oauth2/authorize", wechat.baseUrl(), Duration.ofSeconds(2),
            Duration.ofSeconds(2));

    @AfterEach
    void stop() {
        wechat.close();
    }

    static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Test
    void thePayerIsSentToWechatsSilentAuthorizationForOurAppWithOurStateAndCallback() {
        String url = auth.authorizeUrl("https://portal.example.cn/payment/wechat-auth", "a1b2c3");

        URI uri = URI.create(url);
        assertThat(url).startsWith("https://open.weixin.qq.com/connect/oauth2/authorize?appid=" + APPID + "&redirect_uri=")
                .endsWith("#wechat_redirect");
        assertThat(uri.getRawFragment()).isEqualTo("wechat_redirect");
        assertThat(query(uri.getRawQuery())).containsExactly(Map.entry("appid", APPID),
                Map.entry("redirect_uri", "https://portal.example.cn/payment/wechat-auth"),
                Map.entry("response_type", "code"), Map.entry("scope", "snsapi_base"), Map.entry("state", "a1b2c3"));
    }

    @Test
    void theCodeIsExchangedWithOurAppSecretForThePayersOpenid() {
        // WeChat labels this JSON text/plain.
        wechat.respond(request -> new LoopbackServer.Response(200, Map.of("Content-Type", "text/plain"),
                "{\"access_token\":\"ACCESS\",\"expires_in\":7200,\"refresh_token\":\"REFRESH\","
                        + "\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\",\"scope\":\"snsapi_base\"}"));

        assertThat(auth.openIdFor("061Abc").block()).isEqualTo("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");

        LoopbackServer.Request sent = wechat.onlyRequest();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.path()).isEqualTo("/sns/oauth2/access_token");
        assertThat(query(sent.pathAndQuery().substring(sent.pathAndQuery().indexOf('?') + 1))).containsExactly(
                Map.entry("appid", APPID), Map.entry("secret", SECRET), Map.entry("code", "061Abc"),
                Map.entry("grant_type", "authorization_code"));
    }

    @Test
    void aCodeWechatRefusesGivesNoOpenid() {
        wechat.respond(request -> new LoopbackServer.Response(200, Map.of("Content-Type", "application/json"),
                "{\"errcode\":40029,\"errmsg\":\"invalid code\"}"));

        assertThat(auth.openIdFor("used-before").blockOptional()).isEmpty();
    }

    @Test
    void wechatUnreachableOrFailingGivesNoOpenid() {
        wechat.respond(request -> new LoopbackServer.Response(502, Map.of(), "bad gateway"));

        assertThat(auth.openIdFor("061Abc").blockOptional()).isEmpty();
    }
}
