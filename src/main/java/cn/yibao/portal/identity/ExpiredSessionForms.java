package cn.yibao.portal.identity;

import cn.yibao.portal.web.KeptForms;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A form sent after the session ran out fails the CSRF check (the token went with the session). For someone signed in
 * that is a forged or broken request: 403. For someone no longer signed in it is a form left open too long:
 * they are asked to sign in again and then brought back to the page the form was on (its same-site {@code Referer}),
 * which shows what was typed again ({@link KeptForms}); nothing the form asked for is done.
 */
final class ExpiredSessionForms implements ServerAccessDeniedHandler {

    private final ReturnPaths returnPaths;
    private final ServerAccessDeniedHandler forbidden = new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN);

    ExpiredSessionForms(ReturnPaths returnPaths) {
        this.returnPaths = returnPaths;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return exchange.getSession()
                .map(session -> session.getAttribute(
                        WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME) != null)
                .defaultIfEmpty(false)
                .flatMap(signedIn -> {
                    if (signedIn || exchange.getRequest().getPath().value().startsWith("/api/")) {
                        return forbidden.handle(exchange, denied);
                    }
                    // What was typed comes back too (KeptForms: plain fields only, no ID number, no files).
                    return ReturnPaths.sameSiteReferer(exchange)
                            .map(path -> returnPaths.remember(exchange, path).then(KeptForms.keep(exchange, path)))
                            .orElse(Mono.empty())
                            .then(Mono.fromRunnable(() -> {
                                exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
                                exchange.getResponse().getHeaders().setLocation(URI.create("/?signin=expired"));
                            }))
                            .then(exchange.getResponse().setComplete());
                });
    }
}
