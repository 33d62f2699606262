package cn.yibao.portal.payment.web;

import cn.yibao.portal.payment.PaymentChannels;
import cn.yibao.portal.payment.channel.wechat.WechatWebAuth;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.api.ClientKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The payer's openid inside WeChat, for JSAPI payment (WeChat does not allow H5 payment in its own webview): when
 * WeChat Pay and its web authorization are configured and the payment page is opened in WeChat, the payer is first
 * sent through WeChat's silent authorization ({@code snsapi_base}); the code that comes back, with our one-time
 * {@code state}, is exchanged for the openid, which is kept in the web session only and never shown or logged.
 */
@Configuration(proxyBeanMethods = false)
class WechatPayer {

    static final String CALLBACK = "/payment/wechat-auth";
    static final String OPENID = "portal.wechat.openid";
    static final String STATE = "portal.wechat.oauthState";
    static final String NEXT = "portal.wechat.oauthNext";
    /** Authorization was tried and gave nothing: do not send the payer round again in this session. */
    static final String TRIED = "portal.wechat.oauthTried";

    private final ObjectProvider<WechatWebAuth> auth;
    private final PaymentChannels channels;
    private final Pages pages;
    private final String publicBaseUrl;
    private final SecureRandom random = new SecureRandom();

    WechatPayer(ObjectProvider<WechatWebAuth> auth, PaymentChannels channels, Pages pages,
                @Value("${portal.public-base-url:}") String publicBaseUrl) {
        this.auth = auth;
        this.channels = channels;
        this.pages = pages;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Bean
    RouterFunction<ServerResponse> wechatPayerRouter() {
        return RouterFunctions.route().GET(CALLBACK, this::callback).build();
    }

    /**
     * Where to send the payer before the payment page {@code next}, or empty to go on: only inside WeChat, with WeChat
     * Pay and its authorization configured, for the payer themselves (not a worker at a counter), once per session.
     */
    Mono<URI> authorizationFirst(ServerRequest request, String next) {
        WechatWebAuth wechat = auth.getIfAvailable();
        if (wechat == null || !channels.enabled().contains(PaymentChannelId.WECHAT_PAY)
                || ClientKind.fromUserAgent(request.headers().firstHeader(HttpHeaders.USER_AGENT)) != ClientKind.WECHAT
                || CurrentResident.isAssisted(request)) {
            return Mono.empty();
        }
        return request.session()
                .filter(session -> session.getAttribute(OPENID) == null && session.getAttribute(TRIED) == null)
                .map(session -> {
                    String state = HexFormat.of().formatHex(randomBytes());
                    session.getAttributes().put(STATE, state);
                    session.getAttributes().put(NEXT, next);
                    return URI.create(wechat.authorizeUrl(baseUrl(request) + CALLBACK, state));
                });
    }

    /** The payer's openid, when WeChat's authorization gave one in this web session. */
    Mono<String> openId(ServerRequest request) {
        return request.session().flatMap(session -> Mono.justOrEmpty(session.<String>getAttribute(OPENID)));
    }

    private Mono<ServerResponse> callback(ServerRequest request) {
        WechatWebAuth wechat = auth.getIfAvailable();
        if (wechat == null) {
            return pages.notFound(request);
        }
        return request.session().flatMap(session -> {
            String expected = (String) session.getAttributes().remove(STATE);
            String next = Optional.ofNullable((String) session.getAttributes().remove(NEXT)).orElse("/payment/new");
            Optional<String> state = request.queryParam("state");
            if (expected == null || state.isEmpty() || !MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8), state.get().getBytes(StandardCharsets.UTF_8))) {
                // A callback this session did not start (or one used twice): nothing is kept; the payer starts again.
                return pages.render(request, "payment/wechat-auth", Map.of("next", next), HttpStatus.BAD_REQUEST);
            }
            Optional<String> code = request.queryParam("code").filter(c -> !c.isBlank());
            return code.map(wechat::openIdFor).orElse(Mono.empty())
                    .doOnNext(openId -> session.getAttributes().put(OPENID, openId))
                    .switchIfEmpty(Mono.fromRunnable(() -> session.getAttributes().put(TRIED, Boolean.TRUE)))
                    .then(ServerResponse.seeOther(URI.create(next)).build());
        });
    }

    private String baseUrl(ServerRequest request) {
        if (!publicBaseUrl.isBlank()) {
            return publicBaseUrl.replaceAll("/+$", "");
        }
        URI uri = request.uri();
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }
}
