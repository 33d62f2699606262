package cn.yibao.portal.audit;

import java.net.InetSocketAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a request came from, for audit rows. The client address is the socket's peer; behind a reverse proxy set
 * {@code server.forward-headers-strategy=framework} so that it is the resident's address (see README). The request
 * id is the one {@link RequestIdFilter} gave the exchange ({@code X-Request-Id}).
 */
public record RequestOrigin(String clientAddress, String userAgent, String requestId) {

    public static RequestOrigin of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null ? null
                : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        return new RequestOrigin(address, exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT),
                exchange.getAttribute(RequestIdFilter.ATTRIBUTE));
    }
}
