package cn.yibao.portal.payment.channel.wechat;

import io.netty.channel.ChannelOption;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat web authorization with {@code snsapi_base} (静默授权): the payer's WeChat sends them back with a code, which
 * we exchange — with the official account's AppSecret — for their openid under our AppID, the one thing JSAPI payment
 * needs. Nothing here logs the secret, the code or the openid.
 */
public final class WechatWebAuth {

    private static final Logger log = LoggerFactory.getLogger(WechatWebAuth.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WechatWebAuthSettings settings;
    private final WebClient http;
    private final Duration timeout;

    WechatWebAuth(WechatWebAuthSettings settings) {
        this(settings.appid(), settings.appSecret(), settings.oauthAuthorizeUrl(), settings.oauthApiBaseUrl(),
                settings.connectTimeout(), settings.readTimeout());
    }

    /** For tests elsewhere in the payment module: the same settings given one by one. */
    public WechatWebAuth(String appId, String appSecret, String authorizeUrl, String apiBaseUrl,
                         Duration connectTimeout, Duration readTimeout) {
        WechatWebAuthSettings settings = new WechatWebAuthSettings(appId, appSecret, authorizeUrl, apiBaseUrl,
                connectTimeout, readTimeout);
        this.settings = settings;
        this.timeout = settings.readTimeout();
        this.http = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(settings.connectTimeout().toMillis()))
                        .responseTimeout(settings.readTimeout())))
                .build();
    }

    /**
     * Where to send the payer: WeChat's consent URL for our AppID, coming back to {@code redirectUri} (whose domain
     * must be the official account's 网页授权域名) with a code and our {@code state}.
     */
    public String authorizeUrl(String redirectUri, String state) {
        return settings.oauthAuthorizeUrl().strip() + "?appid=" + encode(settings.appid()) + "&redirect_uri="
                + encode(redirectUri) + "&response_type=code&scope=snsapi_base&state=" + encode(state)
                + "#wechat_redirect";
    }

    /** The payer's openid for the code WeChat gave them; empty when WeChat refuses the code or cannot be reached. */
    public Mono<String> openIdFor(String code) {
        String url = settings.oauthApiBaseUrl().strip().replaceAll("/+$", "") + "/sns/oauth2/access_token?appid="
                + encode(settings.appid()) + "&secret=" + encode(settings.appSecret()) + "&code=" + encode(code)
                + "&grant_type=authorization_code";
        // WeChat answers JSON, sometimes labelled text/plain: read the text and parse it ourselves.
        return http.get().uri(java.net.URI.create(url)).retrieve().bodyToMono(String.class)
                .timeout(timeout.plusSeconds(1))
                .flatMap(body -> Mono.justOrEmpty(openId(body)))
                .onErrorResume(e -> {
                    log.warn("WeChat web authorization: exchanging the code failed: {}", e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    private static String openId(String body) {
        JsonNode answer = JSON.readTree(body);
        String openId = answer.path("openid").asString("");
        if (!openId.isBlank()) {
            return openId;
        }
        log.warn("WeChat web authorization refused the code: errcode {}", answer.path("errcode").asString("?"));
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
