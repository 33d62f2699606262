package cn.yibao.portal.identity;

import cn.yibao.portal.identity.api.StaffIdentity;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Told when a staff member signs out (assisted sessions end then), without identity depending on those modules. */
public interface StaffSignOutListener {

    Mono<Void> signedOut(StaffIdentity staff, ServerWebExchange exchange);
}
