package cn.yibao.portal.database;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request its own {@link HeldConnections}, first of all filters, so that the security chain's own
 * queries count as the request's too.
 */
final class RequestConnectionScope implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HeldConnections held = new HeldConnections(
                exchange.getRequest().getMethod().name() + " " + exchange.getRequest().getPath().value());
        return chain.filter(exchange).contextWrite(context -> context.put(HeldConnections.KEY, held));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
