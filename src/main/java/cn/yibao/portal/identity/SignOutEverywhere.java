package cn.yibao.portal.identity;

import cn.yibao.portal.audit.AuditTrail;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.Phrases;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * 在所有设备上退出 ({@code POST /logout/everywhere}, with the CSRF token): a sign-out like {@code POST /logout} — this
 * session ends and the identity provider's too — that first ends every other session of the person (a phone left
 * signed in, a counter PC), on every node. Part of the security chain's sign-out; audited with how many it ended.
 */
@Component
class SignOutEverywhere implements ServerLogoutHandler {

    static final String PATH = "/logout/everywhere";
    static final String ACTION = "SIGN_OUT_EVERYWHERE";

    /** Both sign-outs: this session only, or all of the person's. */
    static final ServerWebExchangeMatcher SIGN_OUTS = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
            "/logout", PATH);

    private final SignedInSessions sessions;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final Phrases phrases;

    SignOutEverywhere(SignedInSessions sessions, AuditTrail audit, BusinessClock clock, Phrases phrases) {
        this.sessions = sessions;
        this.phrases = phrases;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
        if (authentication == null || !PATH.equals(exchange.getExchange().getRequest().getPath().value())) {
            return Mono.empty();
        }
        return exchange.getExchange().getSession()
                .flatMap(current -> sessions.endOthersOf(authentication.getName(), current.getId()))
                .flatMap(ended -> audited(exchange, authentication, ended + 1));
    }

    private Mono<Void> audited(WebFilterExchange exchange, Authentication person, long ended) {
        var staff = StaffPrincipals.identityOf(person);
        RequestOrigin origin = RequestOrigin.of(exchange.getExchange());
        return audit.record(new AuditEntry(clock.now(),
                staff.isPresent() ? AuditEntry.ActorType.STAFF : AuditEntry.ActorType.RESIDENT,
                staff.map(StaffIdentity::staffId).orElse(person.getName()), null, ACTION, AuditEntry.Outcome.SUCCESS,
                origin.clientAddress(), origin.userAgent(),
                phrases.record(Phrase.of("signout.audit.everywhere", ended)), null, origin.requestId(), null));
    }
}
