package cn.yibao.portal.identity.mip;

import cn.yibao.portal.audit.AuditTrail;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.audit.api.AuditAction;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.identity.ResidentSignIn;
import cn.yibao.portal.identity.domain.EvoucherClaims;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.web.JsonBodies;
import cn.yibao.portal.web.JsonBody;
import cn.yibao.portal.web.ProblemResponses;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The mobile app's sign-in: it obtains an {@code authCode} through the e-voucher SDK and exchanges it here
 * ({@code POST /api/v1/auth/evoucher}, {@code {"authCode": "…"}}) for the portal's own short-lived bearer token —
 * the same userQuery and 1101 as the page sign-in, the same resident. The token is an HS256 JWT signed with
 * {@code portal.api.token-key}, issuer {@code portal.api.token-issuer}; the API's resource server accepts it beside
 * the OpenID Connect issuer's tokens. No refresh token: when it expires the app authorises again (README).
 */
@Component
public class AppTokens {

    public static final String PATH = "/api/v1/auth/evoucher";

    private final MipSignIn signIn;
    private final ResidentSignIn residents;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final String issuer;
    private final Duration lifetime;
    private final List<String> audiences;
    private final NimbusJwtEncoder encoder;

    AppTokens(MipSignIn signIn, ResidentSignIn residents, AuditTrail audit, BusinessClock clock,
              @Value("${portal.api.token-issuer}") String issuer,
              @Value("${portal.api.token-key:}") String key,
              @Value("${portal.api.token-lifetime:PT15M}") Duration lifetime,
              @Value("${portal.api.audiences:}") List<String> audiences) {
        this.signIn = signIn;
        this.residents = residents;
        this.audit = audit;
        this.clock = clock;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.audiences = audiences.stream().filter(a -> !a.isBlank()).toList();
        this.encoder = key.isBlank() ? null : new NimbusJwtEncoder(new ImmutableSecret<>(secretKey(key)));
    }

    /** The key of {@code portal.api.token-key} (Base64 of at least 32 bytes). */
    public static SecretKey secretKey(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length < 32) {
            throw new IllegalArgumentException("portal.api.token-key must be at least 32 bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    public Mono<ServerResponse> exchange(ServerRequest request) {
        if (encoder == null || !signIn.configured()) {
            return ProblemResponses.response(HttpStatus.SERVICE_UNAVAILABLE, Phrase.of("app.token.notOffered"), null);
        }
        return JsonBodies.read(request, AuthCodeRequest.class, body -> body.authCode() == null
                || body.authCode().isBlank() || body.authCode().length() > 200
                ? ProblemResponses.response(HttpStatus.BAD_REQUEST, Phrase.of("app.token.missing"), "authCode")
                : signIn.exchange(body.authCode().strip())
                        .flatMap(resident -> {
                            var mapping = EvoucherClaims.map(resident.claims());
                            if (!(mapping instanceof EvoucherClaims.Mapped mapped)) {
                                // The platform's answer was mapped already: this is a safety net, noted by its key.
                                return Mono.error(new MipSignInException(MipSignInException.Failure.REFUSED,
                                        "claims refused: " + ((EvoucherClaims.Rejected) mapping).reason().key()));
                            }
                            return residents.signedIn(mapped.identity())
                                    .flatMap(id -> record(request, mapped.identity().subject(), id,
                                            AuditEntry.Outcome.SUCCESS, "app"))
                                    .then(Mono.fromCallable(() -> token(resident.claims())));
                        })
                        .flatMap(token -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                .header("Cache-Control", "no-store")
                                .bodyValue(Map.of("access_token", token, "token_type", "Bearer",
                                        "expires_in", lifetime.toSeconds())))
                        .onErrorResume(MipSignInException.class, failure -> record(request, null, null,
                                AuditEntry.Outcome.FAILURE, "app " + failure.getMessage())
                                .then(problem(failure))));
    }

    private static Mono<ServerResponse> problem(MipSignInException failure) {
        return switch (failure.failure()) {
            case UNREACHABLE -> ProblemResponses.response(HttpStatus.SERVICE_UNAVAILABLE,
                    Phrase.of("app.token.unreachable"), null);
            case NOT_RESIDENT_SCHEME -> ProblemResponses.response(HttpStatus.FORBIDDEN,
                    Phrase.of("app.token.notResident"), null);
            case REGION_NOT_SERVED -> ProblemResponses.response(HttpStatus.FORBIDDEN,
                    Phrase.of("app.token.region"), null);
            case CODE_EXPIRED, CANCELLED, STATE_MISMATCH -> ProblemResponses.response(HttpStatus.UNAUTHORIZED,
                    Phrase.of("app.token.expired"), "authCode");
            case REFUSED -> ProblemResponses.response(HttpStatus.BAD_GATEWAY,
                    Phrase.of("app.token.refused"), null);
        };
    }

    private String token(Map<String, Object> claims) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder set = JwtClaimsSet.builder().issuer(issuer).issuedAt(now).expiresAt(now.plus(lifetime))
                .subject(String.valueOf(claims.get("sub")));
        for (String name : List.of("name", "certno", "psn_no", "insuplc_admdvs")) {
            set.claim(name, claims.get(name));
        }
        if (!audiences.isEmpty()) {
            set.audience(audiences);
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), set.build()))
                .getTokenValue();
    }

    private Mono<Void> record(ServerRequest request, String subject, java.util.UUID residentId,
                              AuditEntry.Outcome outcome, String detail) {
        RequestOrigin origin = RequestOrigin.of(request.exchange());
        return audit.record(new AuditEntry(clock.now(), subject == null ? AuditEntry.ActorType.ANONYMOUS
                : AuditEntry.ActorType.RESIDENT, subject, residentId, AuditAction.SIGN_IN, outcome,
                origin.clientAddress(), origin.userAgent(), detail, null, origin.requestId(), null));
    }

    @JsonBody(route = "POST " + PATH, example = "{\"authCode\": \"<e-voucher SDK authCode>\"}")
    record AuthCodeRequest(String authCode) {
    }
}
