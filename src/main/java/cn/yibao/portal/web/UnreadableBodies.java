package cn.yibao.portal.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A form or multipart body that cannot be read — percent-encoding that does not decode (a CSRF token such as
 * {@code %ZZ}), a part header without a colon or a name — is the caller's mistake, whoever reads it first (usually the
 * CSRF filter): it becomes a {@link DecodingException}, which {@link UploadLimits} answers with 400. Bodies over the
 * limits stay what they are, for the "too large" answers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableBodies implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(new ServerWebExchangeDecorator(exchange) {
            @Override
            public Mono<MultiValueMap<String, String>> getFormData() {
                return super.getFormData().onErrorMap(UnreadableBodies::unreadable, UnreadableBodies::decoding);
            }

            @Override
            public Mono<MultiValueMap<String, Part>> getMultipartData() {
                return super.getMultipartData().onErrorMap(UnreadableBodies::unreadable, UnreadableBodies::decoding);
            }
        });
    }

    private static boolean unreadable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataBufferLimitException || t instanceof DecodingException) {
                return false;
            }
        }
        return true;
    }

    private static Throwable decoding(Throwable error) {
        return new DecodingException("Unreadable form or multipart body", error);
    }
}
