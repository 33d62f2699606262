package cn.yibao.portal.identity;

import cn.yibao.portal.audit.AuditTrail;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.domain.AuditAction;
import cn.yibao.portal.audit.domain.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * 在所有设备上退出: ends every session of the signed-in person (a phone left signed in, a counter PC), on every node,
 * and this one too. A POST with the CSRF token, like the ordinary sign-out.
 */
@Configuration(proxyBeanMethods = false)
class SignOutEverywhereRoutes {

    static final String PATH = "/logout/everywhere";

    private final SignedInSessions sessions;
    private final AuditTrail audit;
    private final BusinessClock clock;

    SignOutEverywhereRoutes(SignedInSessions sessions, AuditTrail audit, BusinessClock clock) {
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Bean
    RouterFunction<ServerResponse> signOutEverywhereRouter() {
        return RouterFunctions.route().POST(PATH, this::signOutEverywhere).build();
    }

    private Mono<ServerResponse> signOutEverywhere(ServerRequest request) {
        return request.principal()
                .filter(Authentication.class::isInstance)
                .cast(Authentication.class)
                .flatMap(person -> sessions.endAllOf(person.getName())
                        .flatMap(ended -> audited(request, person, ended)))
                .then(request.session().flatMap(session -> session.invalidate()))
                .then(ServerResponse.seeOther(URI.create("/?signedOut")).build());
    }

    private Mono<Void> audited(ServerRequest request, Authentication person, long ended) {
        boolean staff = StaffPrincipals.identityOf(person).isPresent();
        RequestOrigin origin = RequestOrigin.of(request.exchange());
        return audit.record(new AuditEntry(clock.now(), staff ? AuditEntry.ActorType.STAFF : AuditEntry.ActorType.RESIDENT,
                staff ? StaffPrincipals.identityOf(person).get().staffId() : person.getName(), null,
                AuditAction.SIGN_OUT, AuditEntry.Outcome.SUCCESS, origin.clientAddress(), origin.userAgent(),
                "所有设备：" + ended + " 个会话", null, origin.requestId(), null));
    }
}
