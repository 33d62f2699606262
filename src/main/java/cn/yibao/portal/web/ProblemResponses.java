package cn.yibao.portal.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes an RFC 9457 problem detail straight to the response, for filters and handlers outside the router. */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** A handler's answer: status, Chinese detail, and the request parameter or field it is about (may be null). */
    public static Mono<ServerResponse> response(HttpStatus status, String detail, String parameter) {
        return response(status, detail, parameter, headers -> { });
    }

    public static Mono<ServerResponse> response(HttpStatus status, String detail, String parameter,
                                                Consumer<HttpHeaders> headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        if (parameter != null) {
            problem.setProperty("parameter", parameter);
        }
        return ServerResponse.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }

    /** For request bodies: names the body {@code field} the problem is about. */
    public static Mono<ServerResponse> fieldProblem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem);
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
}
