package cn.yibao.portal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.i18n.LocaleContextResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** The bean name is what WebFlux looks up. */
    @Bean(name = "localeContextResolver")
    LocaleContextResolver localeContextResolver() {
        return new PortalLocaleResolver();
    }
}
