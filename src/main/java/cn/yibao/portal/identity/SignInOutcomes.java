package cn.yibao.portal.identity;

import cn.yibao.portal.audit.AuditTrail;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.api.AuditAction;
import cn.yibao.portal.audit.api.AuditEntry.ActorType;
import cn.yibao.portal.audit.api.AuditEntry.Outcome;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.identity.domain.EvoucherClaims;
import cn.yibao.portal.identity.domain.ReturnPath;
import cn.yibao.portal.identity.mip.MipSignInException;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.Phrases;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * What happens after the e-voucher sign-in returns: on success the resident record is created or matched and the
 * resident lands on {@code /home}; on any failure (wrong state, issuer error, claims that do not describe a
 * resident) nothing is kept and the landing page shows a Chinese message. A resident who was on their way to a page
 * (see {@link ReturnPaths}) goes there instead of {@code /home}; staff to a counter page instead of {@code /staff}. Every outcome, and every sign-out, is
 * audited.
 */
@Component
class SignInOutcomes implements ServerAuthenticationSuccessHandler, ServerAuthenticationFailureHandler,
        ServerLogoutHandler {

    /** Landing-page message keys, passed as {@code ?error=}. */
    static final String ERROR_SIGN_IN_FAILED = "signin-failed";
    static final String ERROR_CLAIMS = "signin-claims";

    private static final Log log = LogFactory.getLog(SignInOutcomes.class);

    private final ResidentSignIn residentSignIn;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
    private final ReturnPaths returnPaths;
    private final Phrases phrases;

    /** Looked up at sign-out, not at start: listeners may depend on beans that depend on this one. */
    private final org.springframework.beans.factory.ObjectProvider<StaffSignOutListener> signOutListeners;

    SignInOutcomes(ResidentSignIn residentSignIn, AuditTrail audit, BusinessClock clock,
                   org.springframework.beans.factory.ObjectProvider<StaffSignOutListener> signOutListeners,
                   ReturnPaths returnPaths, Phrases phrases) {
        this.returnPaths = returnPaths;
        this.phrases = phrases;
        this.signOutListeners = signOutListeners;
        this.residentSignIn = residentSignIn;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        Map<String, Object> claims = ResidentPrincipals.claimsOf(authentication).orElse(Map.of());
        if (authentication instanceof OAuth2AuthenticationToken token
                && PortalRoles.STAFF_REGISTRATION.equals(token.getAuthorizedClientRegistrationId())) {
            return staffSignedIn(exchange, authentication, claims);
        }
        EvoucherClaims.Mapping mapping = EvoucherClaims.map(claims);
        if (mapping instanceof EvoucherClaims.Mapped mapped) {
            return residentSignIn.signedIn(mapped.identity())
                    .flatMap(residentId -> recordResident(exchange, mapped.identity().subject(), residentId,
                            AuditAction.SIGN_IN, Outcome.SUCCESS, null))
                    // Back to the page they were going to (a deep link, a form whose session ran out), else home.
                    .then(returnPaths.take(exchange, ReturnPath.Audience.RESIDENT, "/home"))
                    .flatMap(destination -> redirect.sendRedirect(exchange, destination));
        }
        String reason = phrases.record(((EvoucherClaims.Rejected) mapping).reason());
        return forget(exchange)
                .then(recordResident(exchange, subjectOf(claims), null, AuditAction.SIGN_IN, Outcome.FAILURE, reason))
                .then(redirect.sendRedirect(exchange, URI.create("/?error=" + ERROR_CLAIMS)));
    }

    private Mono<Void> staffSignedIn(ServerWebExchange exchange, Authentication authentication,
                                     Map<String, Object> claims) {
        return StaffPrincipals.identityOf(authentication)
                .map(staff -> record(exchange, ActorType.STAFF, staff.staffId(), null, AuditAction.SIGN_IN, Outcome.SUCCESS, null)
                        .then(returnPaths.take(exchange, ReturnPath.Audience.STAFF, "/staff"))
                        .flatMap(destination -> redirect.sendRedirect(exchange, destination)))
                .orElseGet(() -> forget(exchange)
                        .then(record(exchange, ActorType.ANONYMOUS, subjectOf(claims), null, AuditAction.SIGN_IN,
                                Outcome.FAILURE, phrases.record(Phrase.of("signin.audit.staffIncomplete"))))
                        .then(redirect.sendRedirect(exchange, URI.create("/?error=" + ERROR_CLAIMS))));
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        if (exception instanceof MipSignInException mip) {
            // The platform's failure in words a resident understands; the audit keeps what happened (no secret, no code).
            log.info("E-voucher sign-in failed: " + mip.failure());
            return recordResident(exchange, null, null, AuditAction.SIGN_IN, Outcome.FAILURE, mip.getMessage())
                    .then(redirect.sendRedirect(exchange, URI.create("/?error=" + mip.failure().landingError())));
        }
        String reason = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() : exception.getClass().getSimpleName();
        log.info("E-voucher sign-in failed: " + reason);
        return recordResident(exchange, null, null, AuditAction.SIGN_IN, Outcome.FAILURE, reason)
                .then(redirect.sendRedirect(exchange, URI.create("/?error=" + ERROR_SIGN_IN_FAILED)));
    }

    @Override
    public Mono<Void> logout(WebFilterExchange webFilterExchange, Authentication authentication) {
        var staff = StaffPrincipals.identityOf(authentication);
        if (staff.isPresent()) {
            return reactor.core.publisher.Flux.fromStream(signOutListeners::orderedStream)
                    .concatMap(listener -> listener.signedOut(staff.get(), webFilterExchange.getExchange()))
                    .then(record(webFilterExchange.getExchange(), ActorType.STAFF, staff.get().staffId(), null,
                            AuditAction.SIGN_OUT, Outcome.SUCCESS, null));
        }
        String subject = ResidentPrincipals.claimsOf(authentication).map(SignInOutcomes::subjectOf).orElse(null);
        return recordResident(webFilterExchange.getExchange(), subject, null, AuditAction.SIGN_OUT, Outcome.SUCCESS, null);
    }

    /** A sign-in whose claims we refuse must not leave an authenticated session behind. */
    private Mono<Void> forget(ServerWebExchange exchange) {
        return new WebSessionServerSecurityContextRepository().save(exchange, null)
                .then(exchange.getSession().flatMap(WebSession::invalidate));
    }

    private Mono<Void> recordResident(ServerWebExchange exchange, String subject, UUID residentId, String action,
                                      Outcome outcome, String detail) {
        return record(exchange, subject == null ? ActorType.ANONYMOUS : ActorType.RESIDENT, subject, residentId, action,
                outcome, detail);
    }

    private Mono<Void> record(ServerWebExchange exchange, ActorType actor, String actorId, UUID residentId,
                              String action, Outcome outcome, String detail) {
        RequestOrigin origin = RequestOrigin.of(exchange);
        return audit.record(new AuditEntry(clock.now(), actor, actorId, residentId, action, outcome,
                origin.clientAddress(), origin.userAgent(), detail, null, origin.requestId(), null));
    }

    private static String subjectOf(Map<String, Object> claims) {
        Object subject = claims.get("sub");
        return subject == null ? null : subject.toString();
    }
}
