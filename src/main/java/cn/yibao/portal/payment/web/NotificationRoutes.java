package cn.yibao.portal.payment.web;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.payment.ReceivingNotifications;
import cn.yibao.portal.payment.channel.NotificationRequest;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.web.ProblemResponses;
import cn.yibao.portal.web.RequestValues;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/payments/notify/{channel}}: where channels report results. No session and no token — the
 * channel's signature is the only proof, checked before anything else. The raw body is kept (WeChat signs the
 * exact bytes); a form body (Alipay) is also parsed into parameters.
 */
@Configuration(proxyBeanMethods = false)
class NotificationRoutes {

    /** Real notifications are a few kilobytes. */
    private static final int MAX_BODY = 64 * 1024;

    private final ReceivingNotifications notifications;

    NotificationRoutes(ReceivingNotifications notifications) {
        this.notifications = notifications;
    }

    @Bean
    RouterFunction<ServerResponse> paymentNotificationRouter() {
        return RouterFunctions.route()
                .POST("/api/v1/payments/notify/{channel}", this::receive)
                .build();
    }

    private Mono<ServerResponse> receive(ServerRequest request) {
        PaymentChannelId channel;
        try {
            channel = PaymentChannelId.valueOf(request.pathVariable("channel"));
        } catch (IllegalArgumentException e) {
            return ProblemResponses.response(HttpStatus.NOT_FOUND, Phrase.of("notify.channel.unknown"), "channel");
        }
        return DataBufferUtils.join(request.bodyToFlux(org.springframework.core.io.buffer.DataBuffer.class), MAX_BODY)
                .map(RequestValues::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> notifications.receive(channel, new NotificationRequest(headers(request), body,
                        form(request, body)), RequestOrigin.of(request.exchange())))
                .flatMap(answer -> ServerResponse.status(answer.status())
                        .contentType(MediaType.parseMediaType(answer.contentType() + ";charset=UTF-8"))
                        .bodyValue(answer.body()))
                .switchIfEmpty(Mono.defer(() -> ProblemResponses.response(HttpStatus.NOT_FOUND,
                        Phrase.of("notify.channel.off"), "channel")));
    }

    private static Map<String, String> headers(ServerRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.headers().asHttpHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
        return headers;
    }

    private static Map<String, List<String>> form(ServerRequest request, byte[] body) {
        boolean isForm = request.headers().contentType()
                .map(type -> type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)).orElse(false);
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (!isForm || body.length == 0) {
            return form;
        }
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return form;
    }
}
