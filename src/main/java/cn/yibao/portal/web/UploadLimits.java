package cn.yibao.portal.web;

import java.net.URI;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * An upload over the multipart limits fails while the request is read (often already in the CSRF filter), before
 * any handler could store it. Answer it plainly: 413 for the API, a Chinese page for the pages.
 */
@Component
@Order(-3)
class UploadLimits implements WebExceptionHandler {

    static final String PAGE = "/upload-too-large";

    private final ProblemResponses problems;

    UploadLimits(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!isTooLarge(error) || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (exchange.getRequest().getPath().value().startsWith("/api/")) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Content Too Large", "上传的文件太大，单个文件不能超过 5 MB。");
        }
        exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
        exchange.getResponse().getHeaders().setLocation(URI.create(PAGE));
        return exchange.getResponse().setComplete();
    }

    private static boolean isTooLarge(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataBufferLimitException) {
                return true;
            }
        }
        return false;
    }
}
