package cn.yibao.portal.identity;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * Who may reach resident-scoped routes: a resident, or a staff member who names an assisted session (header on the
 * API, web-session attribute on pages). Whether that session is theirs, active and allows the route is decided by
 * the assist module's gate on every request; this only keeps everyone else out.
 */
public final class AssistedAccess {

    public static final String HEADER = "X-Assist-Session";
    public static final String SESSION_ATTRIBUTE = "assistSessionId";

    private AssistedAccess() {
    }

    static ReactiveAuthorizationManager<AuthorizationContext> residentOrAssistingStaff(boolean api) {
        return (authentication, context) -> authentication
                .filter(Authentication::isAuthenticated)
                .flatMap(auth -> allowed(auth, context, api))
                .defaultIfEmpty(false)
                .map(granted -> (AuthorizationResult) new AuthorizationDecision(granted));
    }

    private static Mono<Boolean> allowed(Authentication auth, AuthorizationContext context, boolean api) {
        if (has(auth, PortalRoles.RESIDENT)) {
            return Mono.just(true);
        }
        if (!has(auth, PortalRoles.STAFF)) {
            return Mono.just(false);
        }
        if (api) {
            return Mono.just(context.getExchange().getRequest().getHeaders().getFirst(HEADER) != null);
        }
        return context.getExchange().getSession().map(session -> session.getAttribute(SESSION_ATTRIBUTE) != null);
    }

    private static boolean has(Authentication auth, String role) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + role)::equals);
    }
}
