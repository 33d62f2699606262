package cn.yibao.portal.cluster;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * With {@code PORTAL_NODE_NAME} set, every response says which node answered ({@code X-Portal-Node}): for operators
 * reading a trace through the proxy, and for the cluster test. Unset (the default), nothing is added.
 */
@Component
class NodeNameHeader implements WebFilter, Ordered {

    static final String HEADER = "X-Portal-Node";

    private final String node;

    NodeNameHeader(@Value("${portal.node-name:}") String node) {
        this.node = node.strip();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!node.isEmpty()) {
            exchange.getResponse().getHeaders().set(HEADER, node);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
