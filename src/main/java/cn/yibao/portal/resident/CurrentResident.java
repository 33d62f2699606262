package cn.yibao.portal.resident;

import cn.yibao.portal.identity.ResidentPrincipals;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.web.ProblemResponses;
import java.net.URI;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The resident the current request acts for: the one signed in on the page session or named by the bearer token. */
@Component
public class CurrentResident {

    private final ResidentRegistry registry;

    CurrentResident(ResidentRegistry registry) {
        this.registry = registry;
    }

    /**
     * Runs the handler for the current resident; without one, the API answers 403 with a problem detail and a page
     * sends the visitor to sign in, never a blank page.
     */
    public Mono<ServerResponse> handle(ServerRequest request, Function<Resident, Mono<ServerResponse>> handler) {
        return of(request).flatMap(handler).switchIfEmpty(Mono.defer(() -> refuse(request)));
    }

    public static Mono<ServerResponse> refuse(ServerRequest request) {
        return request.path().startsWith("/api/")
                ? ProblemResponses.response(HttpStatus.FORBIDDEN,
                        Phrase.of("resident.refused.notResident"), null)
                : ServerResponse.seeOther(URI.create("/?signin=required")).build();
    }

    /**
     * Set by the assisted-session gate once it has checked that a help-desk worker may act for this resident now
     * (the resident's id); resident-scoped handlers then serve that resident, and only that one.
     */
    public static final String ASSISTED_RESIDENT = "portal.assist.residentId";

    /** Empty when the principal carries no usable e-voucher identity and no assisted session applies. */
    public Mono<Resident> of(ServerRequest request) {
        Object assisted = request.exchange().getAttribute(ASSISTED_RESIDENT);
        if (assisted instanceof java.util.UUID residentId) {
            return registry.findById(residentId);
        }
        return request.principal()
                .ofType(Authentication.class)
                .flatMap(authentication -> Mono.justOrEmpty(ResidentPrincipals.identityOf(authentication)))
                .flatMap(registry::findOrRegister);
    }

    /** Whether a help-desk worker is acting for the resident in this request. */
    public static boolean isAssisted(ServerRequest request) {
        return request.exchange().getAttribute(ASSISTED_RESIDENT) != null;
    }
}
