package cn.yibao.portal.web;

import cn.yibao.portal.shared.Phrase;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A request that could not get a database connection in time (the pool is exhausted, or the database is down or
 * unreachable) answers {@code 503 Service Unavailable} with {@code Retry-After}: a problem detail under
 * {@code /api/}, the Chinese "busy" page elsewhere ({@code templates/error/503.html}). Never a hang, never a 500.
 * Ordered before {@link ApiErrors} and Boot's own handler.
 */
@Component
@Order(-3)
class DatabaseUnavailable implements WebExceptionHandler {

    private static final Log log = LogFactory.getLog(DatabaseUnavailable.class);

    private final ProblemResponses problems;
    private final String retryAfterSeconds;

    DatabaseUnavailable(ProblemResponses problems,
                        @Value("${portal.database.retry-after:PT5S}") Duration retryAfter) {
        this.problems = problems;
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!isDatabaseUnavailable(error) || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        log.warn("Database unavailable for " + exchange.getRequest().getMethod() + " "
                + exchange.getRequest().getPath().value() + ": " + rootCause(error));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        if (exchange.getRequest().getPath().value().startsWith("/api/")) {
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    Phrase.of("api.problem.503", retryAfterSeconds));
        }
        // Boot's error handler renders templates/error/503.html; the header set above stays on the response.
        return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "database unavailable", error));
    }

    /** Anywhere in the cause chain: the pool's acquire timeout, a refused or lost connection. */
    static boolean isDatabaseUnavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof R2dbcTimeoutException || cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof R2dbcTransientResourceException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
                    || cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
