package cn.yibao.portal.assist;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.identity.StaffSignOutListener;
import cn.yibao.portal.identity.api.StaffIdentity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A worker who signs out stops acting for anyone. */
@Component
class AssistSignOut implements StaffSignOutListener {

    private final AssistSessions sessions;

    AssistSignOut(AssistSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Mono<Void> signedOut(StaffIdentity staff, ServerWebExchange exchange) {
        return sessions.endAllOf(staff.staffId(), RequestOrigin.of(exchange));
    }
}
