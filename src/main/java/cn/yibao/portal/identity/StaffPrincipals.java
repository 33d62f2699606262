package cn.yibao.portal.identity;

import cn.yibao.portal.identity.domain.StaffClaims;
import cn.yibao.portal.identity.domain.StaffIdentity;
import cn.yibao.portal.web.ProblemResponses;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import org.springframework.security.core.Authentication;

/** The staff member behind a staff page session or a staff bearer token; empty for anyone else. */
public final class StaffPrincipals {

    private StaffPrincipals() {
    }

    /** The staff member behind the request (page session or staff bearer), or empty. */
    public static Mono<StaffIdentity> of(ServerRequest request) {
        return request.principal().ofType(Authentication.class)
                .flatMap(authentication -> Mono.justOrEmpty(identityOf(authentication)));
    }

    /**
     * Runs the handler for the staff member. Anyone else (staff routes are guarded by the security configuration as
     * well) gets a 403 problem detail from the API, and is sent to sign in from a page.
     */
    public static Mono<ServerResponse> handle(ServerRequest request,
                                              Function<StaffIdentity, Mono<ServerResponse>> handler) {
        return of(request).flatMap(handler).switchIfEmpty(Mono.defer(() -> request.path().startsWith("/api/")
                ? ProblemResponses.response(HttpStatus.FORBIDDEN, "需要工作人员身份。", null)
                : ServerResponse.seeOther(URI.create("/?signin=required")).build()));
    }

    public static Optional<StaffIdentity> identityOf(Authentication authentication) {
        if (authentication == null || authentication.getAuthorities().stream()
                .noneMatch(authority -> ("ROLE_" + PortalRoles.STAFF).equals(authority.getAuthority()))) {
            return Optional.empty();
        }
        return ResidentPrincipals.claimsOf(authentication).flatMap(StaffClaims::map);
    }
}
