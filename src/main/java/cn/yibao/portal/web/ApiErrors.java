package cn.yibao.portal.web;

import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors under {@code /api/} become RFC 9457 problem details with a Chinese {@code detail}; pages fall through to
 * the friendly error pages ({@code templates/error/}). Ordered before Boot's own handler.
 */
@Component
@Order(-2)
class ApiErrors implements WebExceptionHandler {

    private static final Log log = LogFactory.getLog(ApiErrors.class);
    private static final Map<Integer, String> DETAILS = Map.of(
            400, "请求参数有误。",
            404, "未找到请求的资源。",
            405, "不支持该请求方法。",
            406, "不支持请求的响应格式。",
            415, "不支持的请求内容类型。");

    private final ProblemResponses problems;

    ApiErrors(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/") || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return problems.write(exchange, problemFor(error));
    }

    private static ProblemDetail problemFor(Throwable error) {
        if (error instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            int status = known.getStatusCode().value();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(known.getStatusCode(),
                    DETAILS.getOrDefault(status, "请求无法处理。"));
            problem.setTitle(HttpStatus.valueOf(status).getReasonPhrase());
            return problem;
        }
        log.error("Unexpected error in the API", error);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "服务暂时不可用，请稍后再试。");
        problem.setTitle("Internal Server Error");
        return problem;
    }
}
