package cn.yibao.portal.identity.mip;

import cn.yibao.portal.identity.domain.mip.AuthorizationRequest;
import cn.yibao.portal.identity.domain.mip.NationalPersonRecord;
import cn.yibao.portal.identity.mip.MipSignInException.Failure;
import cn.yibao.portal.policy.SupportedRegions;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Resident sign-in through the national e-voucher, as a Spring Security authentication of its own:
 * {@code GET /login/evoucher} keeps a one-time {@code state} in the web session and sends the browser to the
 * authorization page ({@code bizType=04107} and the channel); the page sends it back to
 * {@code /login/evoucher/callback} with an {@code authCode}, which is exchanged through userQuery and 1101 and mapped
 * to the resident. Production and the sandbox (against its simulator) run this same code.
 */
@Component
public class MipSignIn {

    public static final String START_PATH = "/login/evoucher";
    public static final String CALLBACK_PATH = "/login/evoucher/callback";
    static final String STATE_ATTRIBUTE = MipSignIn.class.getName() + ".state";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MipSettings settings;
    private final MipPlatform platform;
    private final SupportedRegions regions;
    private final String publicBaseUrl;

    MipSignIn(MipSettings settings, SupportedRegions regions,
              @Value("${portal.public-base-url:}") String publicBaseUrl) {
        this.settings = settings;
        this.platform = new MipPlatform(settings, WebClient.builder(), Clock.systemUTC());
        this.regions = regions;
        this.publicBaseUrl = publicBaseUrl;
    }

    public MipPlatform platform() {
        return platform;
    }

    public boolean configured() {
        return settings.configured();
    }

    /** The start of a sign-in: a fresh one-time state in the session, then the authorization page. */
    public RouterFunction<ServerResponse> startRoute() {
        return RouterFunctions.route().GET(START_PATH, this::start).build();
    }

    private Mono<ServerResponse> start(ServerRequest request) {
        if (!settings.configured()) {
            return ServerResponse.seeOther(URI.create("/?error=signin-failed")).build();
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String state = HexFormat.of().formatHex(bytes);
        return request.session().flatMap(session -> {
            session.getAttributes().put(STATE_ATTRIBUTE, state);
            return ServerResponse.status(302)
                    .location(URI.create(AuthorizationRequest.url(settings.authorizationChannel(), state,
                            callbackUrl(request.exchange()))))
                    .header("Cache-Control", "no-store").build();
        });
    }

    private String callbackUrl(ServerWebExchange exchange) {
        if (publicBaseUrl != null && !publicBaseUrl.isBlank()) {
            return publicBaseUrl.replaceAll("/+$", "") + CALLBACK_PATH;
        }
        return UriComponentsBuilder.fromUri(exchange.getRequest().getURI()).replacePath(CALLBACK_PATH)
                .replaceQuery(null).fragment(null).build().toUriString();
    }

    /** The filter that takes the browser's return, for the page chain. */
    public AuthenticationWebFilter filter(ServerAuthenticationSuccessHandler success,
                                          ServerAuthenticationFailureHandler failure) {
        AuthenticationWebFilter filter = new AuthenticationWebFilter(this::authenticate);
        filter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, CALLBACK_PATH));
        filter.setServerAuthenticationConverter(this::convert);
        filter.setSecurityContextRepository(new WebSessionServerSecurityContextRepository());
        filter.setAuthenticationSuccessHandler(success);
        filter.setAuthenticationFailureHandler(failure);
        return filter;
    }

    /** The returned browser's authCode, if its state is the one this session was given (used once). */
    private Mono<Authentication> convert(ServerWebExchange exchange) {
        var query = exchange.getRequest().getQueryParams();
        String state = query.getFirst("state");
        String authCode = query.getFirst("authCode");
        return exchange.getSession().flatMap(session -> {
            Object expected = session.getAttributes().remove(STATE_ATTRIBUTE);
            if (expected == null || !expected.equals(state)) {
                return Mono.error(new MipSignInException(Failure.STATE_MISMATCH, "state missing or not this session's"));
            }
            if (query.getFirst("error") != null || authCode == null || authCode.isBlank()) {
                return Mono.error(new MipSignInException(Failure.CANCELLED, "no authCode"));
            }
            return Mono.just(new AuthCode(authCode));
        });
    }

    private Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof AuthCode code)) {
            return Mono.empty();
        }
        return exchange(code.code()).cast(Authentication.class);
    }

    /** An authCode (from the page's return or from the mobile app) for the resident it stands for. */
    public Mono<MipResidentAuthentication> exchange(String authCode) {
        return platform.userQuery(authCode)
                .flatMap(user -> platform.person(user).map(output -> resident(user, output)));
    }

    private MipResidentAuthentication resident(MipPlatform.UserInfo user, Map<String, Object> output) {
        NationalPersonRecord.Mapping mapping = NationalPersonRecord.map(output, null, regions::isSupported);
        if (mapping instanceof NationalPersonRecord.Rejected rejected) {
            throw new MipSignInException(switch (rejected.problem()) {
                case NOT_RESIDENT_SCHEME -> Failure.NOT_RESIDENT_SCHEME;
                case REGION_NOT_SERVED -> Failure.REGION_NOT_SERVED;
                case INCOMPLETE -> Failure.REFUSED;
            }, rejected.reason());
        }
        NationalPersonRecord.Mapped mapped = (NationalPersonRecord.Mapped) mapping;
        if (!mapped.identity().certno().value().equalsIgnoreCase(user.idNo())) {
            throw new MipSignInException(Failure.REFUSED, "1101 answered another person than userQuery");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", mapped.identity().subject());
        claims.put("name", mapped.identity().name());
        claims.put("certno", mapped.identity().certno().value());
        claims.put("psn_no", mapped.identity().psnNo());
        claims.put("insuplc_admdvs", mapped.identity().insuredRegionCode());
        claims.put("rels_pay_flag", user.byFamilyAccount() ? "1" : "0");
        List<Map<String, String>> identities = new ArrayList<>();
        for (NationalPersonRecord.IdentityType type : mapped.identityTypes()) {
            Map<String, String> entry = new HashMap<>();
            entry.put("psn_idet_type", type.code());
            if (type.level() != null) {
                entry.put("psn_type_lv", type.level());
            }
            if (type.begins() != null) {
                entry.put("begntime", type.begins().toString());
            }
            if (type.ends() != null) {
                entry.put("endtime", type.ends().toString());
            }
            identities.add(Map.copyOf(entry));
        }
        claims.put("idetinfo", List.copyOf(identities));
        List<GrantedAuthority> resident = List.of(new SimpleGrantedAuthority("ROLE_RESIDENT"));
        return new MipResidentAuthentication(claims, user.payAuthNo(), resident);
    }

    /** The not yet exchanged authCode. */
    static final class AuthCode extends AbstractAuthenticationToken {
        private final String code;

        AuthCode(String code) {
            super(List.of());
            this.code = code;
        }

        String code() {
            return code;
        }

        @Override
        public Object getCredentials() {
            return code;
        }

        @Override
        public Object getPrincipal() {
            return "";
        }

        @Override
        public String toString() {
            return "AuthCode[…]";
        }
    }
}
