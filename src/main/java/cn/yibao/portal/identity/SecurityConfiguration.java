package cn.yibao.portal.identity;

import cn.yibao.portal.identity.api.StaffRoutes;
import cn.yibao.portal.identity.mip.AppTokens;
import cn.yibao.portal.identity.mip.MipSignIn;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Two filter chains. {@code /api/**} is a stateless OAuth2 resource server (bearer JWTs from the e-voucher issuer,
 * no session, no CSRF because no cookie authenticates it). Everything else is the page site: oauth2Login with PKCE,
 * state and nonce, CSRF on every form, sign-out by POST only.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {


    /**
     * Scripts and styles from our own origin only: no inline script, no inline style. Forms post to the portal; the
     * sign-out form is then sent on to the identity providers' end-session endpoints, which {@code form-action} must
     * allow as well (browsers check the redirects after a form).
     */
    static String contentSecurityPolicy(String... identityProviders) {
        StringBuilder formAction = new StringBuilder("'self'");
        for (String issuer : identityProviders) {
            origin(issuer).filter(origin -> formAction.indexOf(" " + origin) < 0)
                    .ifPresent(origin -> formAction.append(' ').append(origin));
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action " + formAction + "; frame-ancestors 'none'";
    }

    private static java.util.Optional<String> origin(String uri) {
        try {
            URI parsed = URI.create(uri.strip());
            if (parsed.getScheme() == null || parsed.getHost() == null
                    || !(parsed.getScheme().equals("https") || parsed.getScheme().equals("http"))) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(parsed.getScheme() + "://" + parsed.getHost()
                    + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort()));
        } catch (IllegalArgumentException notAUri) {
            return java.util.Optional.empty();
        }
    }

    private final String contentSecurityPolicy;

    SecurityConfiguration(@Value("${spring.security.oauth2.client.provider.evoucher.issuer-uri:}") String residentIssuer,
                          @Value("${spring.security.oauth2.client.provider.staff.issuer-uri}") String staffIssuer) {
        this.contentSecurityPolicy = contentSecurityPolicy(residentIssuer, staffIssuer);
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ApiProblems problems,
                                       @Value("${spring.security.oauth2.client.provider.evoucher.issuer-uri:}") String residentIssuer,
                                       @Value("${spring.security.oauth2.client.provider.staff.issuer-uri}") String staffIssuer,
                                       @Value("${portal.api.audiences:}") List<String> audiences,
                                       @Value("${portal.api.token-issuer}") String portalIssuer,
                                       @Value("${portal.api.token-key:}") String portalKey) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(HttpMethod.GET, "/api/v1/regions", "/api/v1/policy/**", "/api/v1/openapi.json")
                                    .permitAll()
                            .pathMatchers(HttpMethod.POST, "/api/v1/codes/verify").permitAll()
                            // The mobile app exchanges an e-voucher authCode for the portal's own token here.
                            .pathMatchers(HttpMethod.POST, AppTokens.PATH).permitAll()
                            // Channels prove themselves by their signature, checked by the handler before anything else.
                            .pathMatchers(HttpMethod.POST, "/api/v1/payments/notify/**").permitAll();
                    staffRoutes(exchanges, true);
                    exchanges.anyExchange().access(AssistedAccess.residentOrAssistingStaff(true));
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(BearerTokenIssuers.resolver(residentIssuer, staffIssuer,
                                portalIssuer, portalKey.isBlank() ? null : AppTokens.secretKey(portalKey),
                                audiences.stream().filter(a -> !a.isBlank()).toList()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(this::securityHeaders)
                .build();
    }

    /**
     * The sandbox payment channel's own little site: it stands in for an outside payment provider, so it has no
     * portal session and no CSRF token (like a real cashier reached by redirect). Only mounted in the sandbox.
     */
    @Bean
    @Order(0)
    SecurityWebFilterChain sandboxChannelSecurity(ServerHttpSecurity http) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/sandbox-pay/**"))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(this::securityHeaders)
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain pageSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                        SignInOutcomes outcomes, SignOutEverywhere everywhere, ReturnPaths returnPaths,
                                        MipSignIn mip) {
        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        // PKCE for our confidential client too, not only for public clients.
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        // Sign-out ends the identity provider's session too (OpenID Connect RP-initiated logout), so that at a shared
        // counter PC the next person is asked to sign in rather than let in as the last one; the provider sends the
        // browser back to the landing page. A provider without an end_session_endpoint: straight to the landing page.
        OidcClientInitiatedServerLogoutSuccessHandler afterSignOut =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        afterSignOut.setPostLogoutRedirectUri("{baseUrl}/?signedOut");
        afterSignOut.setLogoutSuccessUrl(URI.create("/?signedOut"));
        return http
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error",
                                    "/actuator/health", "/actuator/health/**").permitAll()
                            .pathMatchers(HttpMethod.GET, "/contribution/calculator", "/policy/documents", "/verify", "/pay/*",
                                    "/codes/image/**", "/upload-too-large").permitAll()
                            .pathMatchers(HttpMethod.POST, "/verify").permitAll()
                            .pathMatchers(HttpMethod.GET, MipSignIn.START_PATH).permitAll();
                    staffRoutes(exchanges, false);
                    exchanges.anyExchange().access(AssistedAccess.residentOrAssistingStaff(false));
                })
                // Residents: the national e-voucher (its own authentication: authCode → userQuery → 1101).
                .addFilterAt(mip.filter(outcomes, outcomes), SecurityWebFiltersOrder.AUTHENTICATION)
                // Staff, and residents where a province fronts the e-voucher with an OpenID Connect broker.
                .oauth2Login(login -> login
                        .authorizationRequestResolver(authorizationRequests)
                        .authenticationSuccessHandler(outcomes)
                        .authenticationFailureHandler(outcomes))
                // A signed-out visitor who opens a private page is sent to the landing page, not straight to the issuer;
                // the page is remembered and opened after sign-in (ReturnPaths). A staff page asks for staff sign-in.
                .requestCache(cache -> cache.requestCache(returnPaths.cache()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(signInFirst(returnPaths))
                        // The Chinese "no permission" page (templates/error/403.html), not a bare "Access Denied".
                        .accessDeniedHandler((exchange, denied) -> Mono.error(
                                new ResponseStatusException(HttpStatus.FORBIDDEN, denied.getMessage()))))
                // The counter page uploads a photo, the import page a batch file, as multipart: read the CSRF token there too.
                .csrf(csrf -> csrf.csrfTokenRequestHandler(multipartAwareCsrf())
                        .accessDeniedHandler(new ExpiredSessionForms(returnPaths)))
                .logout(logout -> logout
                        .requiresLogout(SignOutEverywhere.SIGN_OUTS)
                        .logoutHandler(new DelegatingServerLogoutHandler(everywhere, outcomes,
                                new SecurityContextServerLogoutHandler(), new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(afterSignOut))
                .headers(this::securityHeaders)
                .build();
    }

    /**
     * Each staff route to the role {@link StaffRoutes} names for it (any staff member where it names none); every
     * other path under the staff prefixes is refused, so a staff route nobody put in the table is closed, not open.
     * Routes that also serve the public (code verification) stay open here: their handler decides the staff part.
     */
    private static void staffRoutes(ServerHttpSecurity.AuthorizeExchangeSpec exchanges, boolean api) {
        for (StaffRoutes.StaffRoute route : StaffRoutes.ROUTES) {
            if (route.api() == api && !route.publicRoute()) {
                exchanges.pathMatchers(HttpMethod.valueOf(route.method()), route.path())
                        .hasRole(route.role() == null ? PortalRoles.STAFF : route.role().name());
            }
        }
        exchanges.pathMatchers(StaffRoutes.STAFF_PATHS.stream().filter(path -> path.startsWith("/api/") == api)
                .toArray(String[]::new)).denyAll();
    }

    private static ServerAuthenticationEntryPoint signInFirst(ReturnPaths returnPaths) {
        RedirectServerAuthenticationEntryPoint resident = new RedirectServerAuthenticationEntryPoint("/?signin=required");
        resident.setRequestCache(returnPaths.cache());
        RedirectServerAuthenticationEntryPoint staff = new RedirectServerAuthenticationEntryPoint("/?signin=staff");
        staff.setRequestCache(returnPaths.cache());
        ServerWebExchangeMatcher staffPages = ServerWebExchangeMatchers.pathMatchers(StaffRoutes.STAFF_PATHS.stream()
                .filter(path -> !path.startsWith("/api/")).toArray(String[]::new));
        return (exchange, denied) -> staffPages.matches(exchange).flatMap(match -> match.isMatch()
                ? staff.commence(exchange, denied) : resident.commence(exchange, denied));
    }

    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        return IssuerRoles.oidcUserService();
    }

    private static XorServerCsrfTokenRequestAttributeHandler multipartAwareCsrf() {
        XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }

    private void securityHeaders(ServerHttpSecurity.HeaderSpec headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .frameOptions(frame -> frame.mode(Mode.DENY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                // Spring writes HSTS only on HTTPS requests; TLS ends at the proxy in front of us, so always send it
                // (browsers ignore it over plain HTTP).
                .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
                .writer(StaticServerHttpHeadersWriter.builder()
                        .header("Strict-Transport-Security", "max-age=" + Duration.ofDays(365).toSeconds()
                                + "; includeSubDomains")
                        .build());
    }
}
