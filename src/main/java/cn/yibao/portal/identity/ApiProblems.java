package cn.yibao.portal.identity;

import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The JSON API answers a missing, tampered or expired token with 401 and an RFC 9457 problem detail in Chinese,
 * never with a redirect to a sign-in page (a mobile app cannot follow one).
 */
@Component
class ApiProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    ApiProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
        boolean tokenPresented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, tokenPresented
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        Phrase detail = !tokenPresented ? Phrase.of("api.unauthenticated.noToken")
                : exception instanceof InvalidBearerTokenException && exception.getMessage() != null
                        && exception.getMessage().contains("expired")
                        ? Phrase.of("api.unauthenticated.expired")
                        : Phrase.of("api.unauthenticated.invalid");
        return problems.write(exchange, HttpStatus.UNAUTHORIZED,
                RequestWords.say(exchange, Phrase.of("api.unauthenticated.title")), RequestWords.say(exchange, detail));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, RequestWords.say(exchange, Phrase.of("api.forbidden.title")),
                RequestWords.say(exchange, Phrase.of("api.forbidden.detail")));
    }
}
