package cn.yibao.portal.identity;

import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.identity.api.StaffPowers;
import cn.yibao.portal.identity.api.StaffRole;
import cn.yibao.portal.identity.domain.StaffClaims;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.ProblemResponses;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

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
     * Runs the handler for a staff member who holds {@code role} (the table {@link cn.yibao.portal.identity.api.StaffRoutes} names each route's;
     * the security configuration checks it too). Anyone else gets 403: a problem detail from the API, the "no
     * permission" page (in the page's language) from a page; someone not signed in as staff is sent to sign in.
     */
    public static Mono<ServerResponse> handle(ServerRequest request, StaffRole role,
                                              Function<StaffIdentity, Mono<ServerResponse>> handler) {
        return handleAnyStaff(request, staff -> StaffPowers.holds(staff, role) ? handler.apply(staff)
                : forbidden(request, new StaffPowers.MissingRole(role).message()));
    }

    /** Runs the handler for any staff member, whatever their roles (the staff home page). */
    public static Mono<ServerResponse> handleAnyStaff(ServerRequest request,
                                                      Function<StaffIdentity, Mono<ServerResponse>> handler) {
        return of(request).flatMap(handler).switchIfEmpty(Mono.defer(() -> request.path().startsWith("/api/")
                ? ProblemResponses.response(HttpStatus.FORBIDDEN,
                        Phrase.of("staff.refused.notStaff"), null)
                : ServerResponse.seeOther(URI.create("/?signin=required")).build()));
    }

    /** A staff request refused (missing role, another region's thing): 403 with the reason. */
    public static Mono<ServerResponse> forbidden(ServerRequest request, Phrase why) {
        return request.path().startsWith("/api/") ? ProblemResponses.response(HttpStatus.FORBIDDEN, why, null)
                : Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, RequestWords.say(request, why)));
    }

    /** Signed in through the staff issuer, whether or not the claims make a usable staff identity. */
    public static boolean isStaff(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + PortalRoles.STAFF).equals(authority.getAuthority()));
    }

    public static Optional<StaffIdentity> identityOf(Authentication authentication) {
        if (!isStaff(authentication)) {
            return Optional.empty();
        }
        return ResidentPrincipals.claimsOf(authentication).flatMap(StaffClaims::map);
    }
}
