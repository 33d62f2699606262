package cn.yibao.portal.web;

import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.Phrases;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details: for handlers (the static {@code response}s) and for filters and exception handlers
 * outside the router ({@code write}). The input at fault, a query parameter or a body field alike, is named by the
 * property {@value #FIELD}. A detail given as a {@link Phrase} is said in the request's language: under
 * {@code /api/} that follows {@code Accept-Language} ({@link PortalLocaleResolver}), Chinese by default.
 */
@Component
public class ProblemResponses {

    /** The problem property that names the offending input (query parameter, path variable or body field). */
    public static final String FIELD = "field";

    private final JsonMapper json;
    private final Phrases phrases;

    ProblemResponses(JsonMapper json, Phrases phrases) {
        this.json = json;
        this.phrases = phrases;
    }

    /** A handler's answer whose detail is said in the request's language when the response is written. */
    public static Mono<ServerResponse> response(HttpStatus status, Phrase detail, String field) {
        return response(status, detail, field, headers -> { });
    }

    public static Mono<ServerResponse> response(HttpStatus status, Phrase detail, String field,
                                                Consumer<HttpHeaders> headers) {
        HttpHeaders all = new HttpHeaders();
        headers.accept(all);
        all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        all.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        return Mono.just(new Phrased(status, detail, field, all));
    }

    /** Writes a problem whose detail is said in the request's language. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, Phrase detail) {
        exchange.getResponse().getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        return write(exchange, problem(status, phrases.say(detail, exchange.getLocaleContext().getLocale()), null));
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return write(exchange, problem);
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static ProblemDetail problem(HttpStatusCode status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? null : known.getReasonPhrase());
        if (field != null) {
            problem.setProperty(FIELD, field);
        }
        return problem;
    }

    /** Said when written, since only then is the request (and so its language) at hand. */
    private record Phrased(HttpStatus status, Phrase detail, String field, HttpHeaders headers) implements ServerResponse {

        /** For a router run without an application context (a test's {@code bindToRouterFunction}). */
        private static final MessageSource BUNDLES = bundles();

        @Override
        public HttpStatusCode statusCode() {
            return status;
        }

        @Override
        public MultiValueMap<String, ResponseCookie> cookies() {
            return new LinkedMultiValueMap<>();
        }

        @Override
        public Mono<Void> writeTo(ServerWebExchange exchange, Context context) {
            MessageSource messages = exchange.getApplicationContext() != null ? exchange.getApplicationContext() : BUNDLES;
            Locale locale = exchange.getLocaleContext().getLocale();
            String said = new Phrases(messages).say(detail, locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
            return ServerResponse.status(status).headers(all -> all.addAll(headers))
                    .bodyValue(problem(status, said, field))
                    .flatMap(response -> response.writeTo(exchange, context));
        }

        private static MessageSource bundles() {
            ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
            bundles.setBasename("messages");
            bundles.setDefaultEncoding("UTF-8");
            bundles.setFallbackToSystemLocale(false);
            return bundles;
        }
    }
}
