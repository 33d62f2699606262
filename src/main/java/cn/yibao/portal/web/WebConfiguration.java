package cn.yibao.portal.web;

import cn.yibao.portal.web.api.TrustedProxies;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import org.springframework.web.server.i18n.LocaleContextResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    RouterFunction<ServerResponse> uploadTooLargeRouter(Pages pages) {
        return RouterFunctions.route().GET(UploadLimits.PAGE, request -> pages.render(request, "upload-too-large",
                        Map.of("back", request.queryParam("back").filter(UploadLimits::isLocalPath).orElse("/home"))))
                .build();
    }

    /** The API contract at {@code /api/v1/openapi.json}. */
    @Bean
    RouterFunction<ServerResponse> apiContractRouter() {
        return ApiContractRoute.router();
    }

    /**
     * Forwarded headers are believed only from the reverse proxies in {@code portal.trusted-proxies}
     * ({@code PORTAL_TRUSTED_PROXIES}); the bean name is what WebFlux looks up.
     */
    @Bean(name = "forwardedHeaderTransformer")
    ForwardedHeaderTransformer forwardedHeaderTransformer(@Value("${portal.trusted-proxies:}") String trustedProxies) {
        return new TrustedProxyHeaders(TrustedProxies.parse(trustedProxies));
    }

    /** Boot's error pages with the layout's model; replaces Boot's own {@code ErrorAttributes}. */
    @Bean
    LayoutErrorAttributes errorAttributes(Pages pages) {
        return new LayoutErrorAttributes(pages);
    }

    /** {@code #nowrap.tokens(...)} for templates: dates, IDs and amounts that never break across lines. */
    @Bean
    WholeTokensDialect wholeTokensDialect() {
        return new WholeTokensDialect();
    }

    /** The bean name is what WebFlux looks up. */
    @Bean(name = "localeContextResolver")
    LocaleContextResolver localeContextResolver() {
        return new PortalLocaleResolver();
    }
}
