package cn.yibao.portal.identity.mip;

import cn.yibao.portal.identity.domain.mip.ChannelEnvelope;
import cn.yibao.portal.identity.domain.mip.UserQuerySignature;
import cn.yibao.portal.identity.mip.MipSignInException.Failure;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two calls to the national platform: userQuery (the authCode for {@code pay_auth_no}, name and ID number,
 * HMAC-signed headers) and 1101 (the person's record, behind the SM2/SM4 channel envelope). Only a platform that
 * cannot be reached is tried again (the authCode is one-time: once the platform answered, a retry would only be
 * told it was used). Nothing here logs a secret, a key, a code or a person's data.
 */
public class MipPlatform {

    /** What userQuery answered for an authCode. */
    public record UserInfo(String payAuthNo, String name, String idNo, boolean byFamilyAccount) {
        @Override
        public String toString() {
            return "UserInfo[byFamilyAccount=" + byFamilyAccount + "]";
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final MipSettings settings;
    private final ChannelEnvelope.Keys keys;
    private final WebClient client;
    private final Clock clock;

    public MipPlatform(MipSettings settings, WebClient.Builder builder, Clock clock) {
        this.settings = settings;
        // Unconfigured (a deployment that signs residents in through OIDC): no keys, and no call is ever made.
        this.keys = settings.configured() ? settings.envelopeKeys() : null;
        this.client = builder.clientConnector(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                reactor.netty.http.client.HttpClient.create()
                        .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS,
                                Math.toIntExact(settings.timeout().toMillis()))
                        .responseTimeout(settings.timeout()))).build();
        this.clock = clock;
    }

    public Mono<UserInfo> userQuery(String authCode) {
        if (keys == null) {
            return Mono.error(new MipSignInException(Failure.REFUSED, "the e-voucher channel is not configured"));
        }
        long timestamp = clock.millis();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("qrcode", authCode);
        body.put("openid", "");
        return call(client.post()
                .uri(settings.apiBaseUrl() + "/api/mipuserquery/userQuery/{partnerId}", settings.partnerId())
                .contentType(MediaType.APPLICATION_JSON)
                .header(UserQuerySignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(UserQuerySignature.REQUEST_ID_HEADER, UUID.randomUUID().toString())
                .header(UserQuerySignature.SIGNATURE_HEADER,
                        UserQuerySignature.sign(settings.partnerId(), settings.partnerSecret(), timestamp))
                .bodyValue(JSON.writeValueAsString(body)), "userQuery")
                .map(MipPlatform::userInfo);
    }

    @SuppressWarnings("unchecked")
    private static UserInfo userInfo(Map<String, Object> answer) {
        String code = String.valueOf(answer.get("code"));
        if (code.equals("1001") || code.equals("1002") || code.equals("1003")) {
            throw new MipSignInException(Failure.CODE_EXPIRED, "userQuery code " + code);
        }
        if (!code.equals("0") || !(answer.get("data") instanceof Map<?, ?> data)) {
            throw new MipSignInException(Failure.REFUSED, "userQuery code " + code);
        }
        Map<String, Object> fields = (Map<String, Object>) data;
        Object payAuthNo = fields.get("pay_auth_no");
        Object idNo = fields.get("id_no");
        if (payAuthNo == null || idNo == null) {
            throw new MipSignInException(Failure.REFUSED, "userQuery without pay_auth_no or id_no");
        }
        return new UserInfo(payAuthNo.toString(), String.valueOf(fields.get("user_name")), idNo.toString(),
                "1".equals(String.valueOf(fields.get("rels_pay_flag"))));
    }

    /** 1101 for the person userQuery named; answers the {@code output} object. */
    @SuppressWarnings("unchecked")
    public Mono<Map<String, Object>> person(UserInfo user) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("mdtrt_cert_type", "02");
        query.put("mdtrt_cert_no", user.idNo());
        query.put("psn_cert_type", "01");
        query.put("certno", user.idNo());
        query.put("psn_name", user.name());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("infno", "1101");
        data.put("msgid", UUID.randomUUID().toString().replace("-", ""));
        data.put("input", Map.of("data", query));
        return Mono.fromCallable(() -> ChannelEnvelope.seal(JSON.writeValueAsString(data), clock.instant(), keys))
                .flatMap(envelope -> call(client.post().uri(settings.personServiceUrl())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(JSON.writeValueAsString(envelope.fields())), "1101"))
                .map(answer -> {
                    ChannelEnvelope.Opening opening = ChannelEnvelope.of(answer)
                            .open(clock.instant(), settings.timestampWindow(), keys);
                    if (opening instanceof ChannelEnvelope.Refused refused) {
                        throw new MipSignInException(Failure.REFUSED, "1101 envelope " + refused.reason()
                                + (answer.get("code") == null ? "" : " (code " + answer.get("code") + ")"));
                    }
                    Map<String, Object> result = JSON.readValue(((ChannelEnvelope.Opened) opening).dataJson(), Map.class);
                    if (!"0".equals(String.valueOf(result.get("infcode"))) || !(result.get("output") instanceof Map<?, ?> output)) {
                        throw new MipSignInException(Failure.REFUSED, "1101 infcode " + result.get("infcode"));
                    }
                    return (Map<String, Object>) output;
                });
    }

    @SuppressWarnings("unchecked")
    private Mono<Map<String, Object>> call(WebClient.RequestHeadersSpec<?> request, String what) {
        Duration timeout = settings.timeout();
        return request.retrieve().bodyToMono(String.class)
                .timeout(timeout)
                .retryWhen(Retry.backoff(settings.retries(), Duration.ofMillis(200)).filter(MipPlatform::notDelivered)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(MipPlatform::unreachable, e -> new MipSignInException(Failure.UNREACHABLE,
                        what + " " + e.getClass().getSimpleName(), e))
                .onErrorMap(WebClientResponseException.class, e -> new MipSignInException(
                        e.getStatusCode().is5xxServerError() ? Failure.UNREACHABLE : Failure.REFUSED,
                        what + " HTTP " + e.getStatusCode().value(), e))
                .map(text -> {
                    try {
                        return (Map<String, Object>) JSON.readValue(text, Map.class);
                    } catch (RuntimeException unreadable) {
                        throw new MipSignInException(Failure.REFUSED, what + " answer is not JSON");
                    }
                });
    }

    /** The request never reached the platform (connection refused, DNS): safe to send again. */
    private static boolean notDelivered(Throwable error) {
        return error instanceof WebClientRequestException;
    }

    private static boolean unreachable(Throwable error) {
        return error instanceof WebClientRequestException || error instanceof TimeoutException;
    }
}
