package cn.yibao.portal.web;

import cn.yibao.portal.shared.Phrase;
import java.net.URI;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * An upload over the multipart limits fails while the request is read (often already in the CSRF filter), before
 * any handler could store it. Answer it plainly: 413 for the API; a form that shows itself again with what was typed
 * ({@link UploadRefusals}: the filing form) gets the browser back there; other pages a Chinese page that leads back to the
 * form it came from (whose own text states its limit: filing materials, a counter photo and a batch file differ); a
 * body that cannot be read at all (too many parts) is a 400.
 */
@Component
@Order(-3)
class UploadLimits implements WebExceptionHandler {

    static final String PAGE = "/upload-too-large";

    private final ProblemResponses problems;
    private final org.springframework.beans.factory.ObjectProvider<UploadRefusals> forms;

    UploadLimits(ProblemResponses problems, org.springframework.beans.factory.ObjectProvider<UploadRefusals> forms) {
        this.problems = problems;
        this.forms = forms;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (!isTooLarge(error)) {
            return isUnreadable(error)
                    ? problems.write(exchange, HttpStatus.BAD_REQUEST, Phrase.of("api.problem.form-unreadable"))
                    : Mono.error(error);
        }
        if (exchange.getRequest().getPath().value().startsWith("/api/")) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, Phrase.of("api.problem.too-large"));
        }
        String path = exchange.getRequest().getPath().value();
        URI formAgain = forms.orderedStream().map(form -> form.formAgain(path)).flatMap(java.util.Optional::stream)
                .findFirst().orElse(null);
        exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
        exchange.getResponse().getHeaders().setLocation(formAgain != null ? formAgain
                : pageLeadingBackTo(exchange.getRequest().getHeaders().getFirst("Referer"), exchange.getRequest().getURI()));
        return exchange.getResponse().setComplete();
    }

    /** The explanation page, leading back to the form when the browser said which (same site only). */
    static URI pageLeadingBackTo(String referer, URI request) {
        if (referer == null) {
            return URI.create(PAGE);
        }
        try {
            URI from = URI.create(referer);
            boolean sameSite = request.getHost() == null
                    || (request.getHost().equals(from.getHost()) && request.getPort() == from.getPort());
            return sameSite && isLocalPath(from.getRawPath())
                    ? UriComponentsBuilder.fromPath(PAGE).queryParam("back", from.getRawPath()).build().encode().toUri()
                    : URI.create(PAGE);
        } catch (IllegalArgumentException unparsable) {
            return URI.create(PAGE);
        }
    }

    /** A path of this site to link back to: no scheme, no host, nothing but plain path characters. */
    static boolean isLocalPath(String path) {
        return path != null && path.matches("/[A-Za-z0-9/_.-]*") && !path.startsWith("//");
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
