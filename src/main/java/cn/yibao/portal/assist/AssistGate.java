package cn.yibao.portal.assist;

import cn.yibao.portal.assist.domain.AssistActions;
import cn.yibao.portal.assist.domain.AssistRules;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.identity.AssistedAccess;
import cn.yibao.portal.identity.StaffPrincipals;
import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.identity.api.StaffPowers;
import cn.yibao.portal.identity.api.StaffRoutes;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.ResidentRegistry;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.AssistBanner;
import cn.yibao.portal.web.AssistedObject;
import cn.yibao.portal.web.ProblemResponses;
import cn.yibao.portal.web.RequestValues;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The server-side check on every request a help-desk worker makes for a resident (after Spring Security has
 * authenticated them): the session must be theirs and active, and the route on the list in {@link AssistRules}.
 * Then the request runs as the resident (see {@link CurrentResident#ASSISTED_RESIDENT}) and leaves exactly one
 * audit row, with the session id. The API names the session in {@code X-Assist-Session}; pages keep it in the
 * worker's web session.
 */
@Component
@Order(0)
class AssistGate implements WebFilter {

    static final String HEADER = AssistedAccess.HEADER;
    static final String SESSION_ATTRIBUTE = AssistedAccess.SESSION_ATTRIBUTE;

    private final AssistSessions sessions;
    private final ResidentRegistry residents;
    private final ProblemResponses problems;
    private final BusinessClock clock;

    AssistGate(AssistSessions sessions, ResidentRegistry residents, ProblemResponses problems, BusinessClock clock) {
        this.sessions = sessions;
        this.residents = residents;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!isResidentScoped(path)) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal().ofType(Authentication.class)
                .filter(StaffPrincipals::isStaff)
                .map(auth -> forStaff(exchange, chain, auth, path))
                // Residents (the security configuration has already kept out anyone else).
                .defaultIfEmpty(Mono.defer(() -> chain.filter(exchange)))
                .flatMap(next -> next);
    }

    /**
     * A staff member on a resident route acts in a session or not at all: a staff identity the gate cannot fully make
     * out (no staff id, name or region), a worker without the help desk's role, or no session named, is refused —
     * never passed on, where the token's other claims could be taken for a resident's.
     */
    private Mono<Void> forStaff(ServerWebExchange exchange, WebFilterChain chain, Authentication auth, String path) {
        Optional<StaffIdentity> staff = StaffPrincipals.identityOf(auth);
        if (staff.isEmpty()) {
            return forbidden(exchange, path, Phrase.of("assist.refused.staffUnknown"));
        }
        if (!StaffPowers.holds(staff.get(), StaffRoutes.ASSISTED)) {
            return forbidden(exchange, path, new StaffPowers.MissingRole(StaffRoutes.ASSISTED).message());
        }
        return sessionId(exchange, path)
                .map(id -> guard(exchange, chain, staff.get(), id, path))
                .defaultIfEmpty(Mono.defer(() -> refuse(exchange, path, Phrase.of("assist.refused.noSession"), "ended")))
                .flatMap(next -> next);
    }

    /** Refused before any session is looked at: 403 from the API, the "no permission" page from a page. */
    private Mono<Void> forbidden(ServerWebExchange exchange, String path, Phrase why) {
        String reason = RequestWords.say(exchange, why);
        return path.startsWith("/api/") ? problems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden", reason)
                : Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, reason));
    }

    /** Staff pages, sign-in/out, public pages and the channels' own endpoints are not acting for anyone. */
    static boolean isResidentScoped(String path) {
        return !(path.startsWith("/staff") || path.startsWith("/api/v1/staff") || path.startsWith("/api/v1/admin/")
                || path.startsWith("/api/v1/assist/sessions")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
                || path.equals("/favicon.ico") || path.equals("/") || path.startsWith("/login") || path.startsWith("/logout")
                || path.startsWith("/oauth2/") || path.startsWith("/sandbox-pay/") || path.startsWith("/actuator")
                || path.equals("/error") || path.startsWith("/verify") || path.startsWith("/codes/image/")
                || path.startsWith("/api/v1/payments/notify/") || path.equals("/contribution/calculator")
                || path.startsWith("/policy/") || path.startsWith("/api/v1/policy/") || path.equals("/api/v1/regions")
                || path.equals("/api/v1/codes/verify") || path.equals("/api/v1/openapi.json") || path.equals("/upload-too-large") || path.startsWith("/pay/")
                || path.startsWith("/api/v1/auth/"));
    }

    private Mono<UUID> sessionId(ServerWebExchange exchange, String path) {
        if (path.startsWith("/api/")) {
            return Mono.justOrEmpty(Optional.ofNullable(exchange.getRequest().getHeaders().getFirst(HEADER))
                    .map(text -> RequestValues.uuid(text).orElse(new UUID(0, 0))));
        }
        return exchange.getSession().flatMap(session -> Mono.justOrEmpty(
                Optional.ofNullable(session.getAttribute(SESSION_ATTRIBUTE)).map(Object::toString)
                        .flatMap(RequestValues::uuid)));
    }

    private Mono<Void> guard(ServerWebExchange exchange, WebFilterChain chain, StaffIdentity staff, UUID sessionId,
                             String path) {
        String method = exchange.getRequest().getMethod().name();
        RequestOrigin origin = RequestOrigin.of(exchange);
        return sessions.acting(staff.staffId(), sessionId).flatMap(acting -> {
            if (acting.refusal() != null) {
                Mono<Void> noted = acting.session() != null && acting.session().staffId().equals(staff.staffId())
                        ? sessions.recordAction(acting.session(),
                                AssistActions.refusedBecause(acting.refusal(), AssistActions.code(method, path)),
                                AssistActions.objectId(path), null, false, origin)
                        : Mono.empty();
                return noted.then(refuse(exchange, path, acting.refusal(), "ended"));
            }
            var session = acting.session();
            String label = AssistActions.code(method, path);
            String objectId = AssistActions.objectId(path);
            if (!AssistRules.allows(method, path)) {
                return sessions.recordAction(session, AssistActions.refused(label), objectId, null, false, origin)
                        .then(refuse(exchange, path, Phrase.of("assist.desk.refused.not-allowed"), "not-allowed"));
            }
            // The worker's region may have changed since the session began (the staff issuer says where they work
            // now): the resident must still be theirs to help.
            return residents.findById(session.residentId())
                    .filter(resident -> sessions.mayAssist(staff, resident))
                    .flatMap(resident -> {
                        exchange.getAttributes().put(CurrentResident.ASSISTED_RESIDENT, session.residentId());
                        exchange.getAttributes().put(AssistBanner.ATTRIBUTE, new AssistBanner(session.id(),
                                resident.maskedName(), session.staffNameMasked(), session.minutesLeft(clock.now())));
                        return chain.filter(exchange)
                                .then(Mono.defer(() -> sessions.recordAction(session, label, objectId,
                                        exchange.getAttribute(AssistedObject.ATTRIBUTE), succeeded(exchange), origin)))
                                .thenReturn(true);
                    })
                    .switchIfEmpty(Mono.defer(() -> sessions.recordAction(session, AssistActions.refusedOutOfRegion(label),
                                    objectId, null, false, origin)
                            .then(refuse(exchange, path, Phrase.of("assist.refused.region"), "ended"))
                            .thenReturn(false)))
                    .then();
        });
    }

    private static boolean succeeded(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status == null || status.value() < 400;
    }

    /** The API answers 403 with a problem; pages go back to the worker's desk with the reason. */
    private Mono<Void> refuse(ServerWebExchange exchange, String path, Phrase reason, String pageCode) {
        boolean sessionOver = pageCode.equals("ended");
        if (path.startsWith("/api/")) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden", RequestWords.say(exchange, reason));
        }
        Mono<Void> forget = sessionOver
                ? exchange.getSession().doOnNext(session -> session.getAttributes().remove(SESSION_ATTRIBUTE)).then()
                : Mono.empty();
        return forget.then(Mono.fromRunnable(() -> {
            exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
            exchange.getResponse().getHeaders().setLocation(URI.create("/staff/assist?refused=" + pageCode));
        })).then(exchange.getResponse().setComplete());
    }
}
