package cn.yibao.portal.identity;

import cn.yibao.portal.identity.DemoAccounts;
import cn.yibao.portal.identity.mip.MipSignIn;
import cn.yibao.portal.identity.mip.MipSignInException;
import cn.yibao.portal.web.Pages;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The public landing page: the e-voucher sign-in button, messages about the last sign-in, and the sandbox demo box. */
@Configuration(proxyBeanMethods = false)
class LandingPage {

    /** Messages the landing page may show, by the {@code error} / flag parameter that asks for them. */
    private static final Set<String> KNOWN_ERRORS = java.util.stream.Stream.concat(
            Stream.of(SignInOutcomes.ERROR_SIGN_IN_FAILED, SignInOutcomes.ERROR_CLAIMS),
            Stream.of(MipSignInException.Failure.values()).map(MipSignInException.Failure::landingError))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    @Bean
    RouterFunction<ServerResponse> landingRoutes(Pages pages, Environment environment, ReturnPaths returnPaths,
                                                 @Value("${portal.evoucher.sign-in:mip}") String residentSignIn) {
        List<DemoAccounts.DemoResident> demoResidents = environment.acceptsProfiles(Profiles.of("sandbox"))
                ? DemoAccounts.load().residentsWhoSignIn() : List.of();
        // mip: the national e-voucher protocol (the adapter); oidc: an OpenID Connect broker in front of it.
        String signInUrl = "mip".equalsIgnoreCase(residentSignIn.strip()) ? MipSignIn.START_PATH
                : "/oauth2/authorization/evoucher";
        return RouterFunctions.route()
                // A page that offers sign-in may name itself (?return=/verify?t=…) to be opened again afterwards:
                // only a safe path of this site is kept (ReturnPaths), anything else is ignored.
                .GET("/", request -> request.queryParam("return")
                        .map(path -> returnPaths.remember(request.exchange(), path))
                        .orElse(Mono.empty())
                        .then(landing(request, pages, demoResidents, signInUrl)))
                .build();
    }

    private static Mono<ServerResponse> landing(ServerRequest request, Pages pages,
                                                List<DemoAccounts.DemoResident> demoResidents, String signInUrl) {
        return request.principal()
                .filter(principal -> principal instanceof Authentication authentication
                        && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken))
                .flatMap(signedIn -> ServerResponse.seeOther(URI.create(
                        StaffPrincipals.identityOf((Authentication) signedIn).isPresent() ? "/staff" : "/home")).build())
                .switchIfEmpty(Mono.defer(() -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("demoResidents", demoResidents);
                    model.put("residentSignInUrl", signInUrl);
                    request.queryParam("error").filter(KNOWN_ERRORS::contains)
                            .ifPresent(error -> model.put("errorKey", "landing.error." + error));
                    if (request.queryParam("signedOut").isPresent()) {
                        model.put("infoKey", "landing.info.signed-out");
                    } else if (request.queryParam("signin").filter("expired"::equals).isPresent()) {
                        model.put("infoKey", "landing.info.session-expired");
                    } else if (request.queryParam("signin").filter("staff"::equals).isPresent()) {
                        model.put("infoKey", "landing.info.signin-staff");
                        model.put("staffFirst", true);
                    } else if (request.queryParam("signin").isPresent()) {
                        model.put("infoKey", "landing.info.signin-required");
                        model.put("returnKey", "landing.info.signin-return");
                    }
                    return pages.render(request, "landing", model);
                }));
    }
}
