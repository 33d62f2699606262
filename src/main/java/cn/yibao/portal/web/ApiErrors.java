package cn.yibao.portal.web;

import cn.yibao.portal.shared.Phrase;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors under {@code /api/} become RFC 9457 problem details with a {@code detail} in the request's language; pages fall through to
 * the friendly error pages ({@code templates/error/}). Ordered before Boot's own handler.
 */
@Component
@Order(-2)
class ApiErrors implements WebExceptionHandler {

    private static final Log log = LogFactory.getLog(ApiErrors.class);
    /** Statuses with a detail of their own ({@code api.problem.<status>}); other 4xx get {@code api.problem.4xx}. */
    private static final Set<Integer> DETAILED = Set.of(400, 404, 405, 406, 415);

    private final ProblemResponses problems;

    ApiErrors(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/") || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            int status = known.getStatusCode().value();
            return problems.write(exchange, known.getStatusCode(),
                    Phrase.of(DETAILED.contains(status) ? "api.problem." + status : "api.problem.4xx"));
        }
        log.error("Unexpected error in the API", error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, Phrase.of("api.problem.500"));
    }
}
