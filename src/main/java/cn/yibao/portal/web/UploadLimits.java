package cn.yibao.portal.web;

import java.net.URI;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * An upload over the multipart limits fails while the request is read (often already in the CSRF filter), before
 * any handler could store it. Answer it plainly: 413 for the API, a Chinese page for the pages; a body that cannot be
 * read at all (too many parts) is a 400.
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
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (!isTooLarge(error)) {
            return isUnreadable(error)
                    ? problems.write(exchange, HttpStatus.BAD_REQUEST, "Bad Request", "表单内容无法读取（项目过多或格式不对），没有保存任何内容。")
                    : Mono.error(error);
        }
        if (exchange.getRequest().getPath().value().startsWith("/api/")) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Content Too Large", "上传的文件太大，单个文件不能超过 5 MB。");
        }
        exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
        exchange.getResponse().getHeaders().setLocation(URI.create(PAGE));
        return exchange.getResponse().setComplete();
    }

    /** A multipart body with too many parts or broken framing: the caller's mistake, not ours. */
    private static boolean isUnreadable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DecodingException) {
                return true;
            }
        }
        return false;
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
