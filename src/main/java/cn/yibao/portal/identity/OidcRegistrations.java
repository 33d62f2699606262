package cn.yibao.portal.identity;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The OpenID Connect registrations from {@code spring.security.oauth2.client}, leaving out any whose provider has no
 * issuer: a deployment where residents sign in through the national e-voucher protocol needs no resident OIDC
 * provider (staff always have one), and Boot's own mapping would try to discover an empty issuer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class OidcRegistrations {

    @Bean
    ReactiveClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties configured) {
        OAuth2ClientProperties withIssuer = new OAuth2ClientProperties();
        configured.getRegistration().forEach((id, registration) -> {
            OAuth2ClientProperties.Provider provider = configured.getProvider().get(registration.getProvider());
            if (provider != null && provider.getIssuerUri() != null && !provider.getIssuerUri().isBlank()) {
                withIssuer.getRegistration().put(id, registration);
                withIssuer.getProvider().put(registration.getProvider(), provider);
            }
        });
        List<ClientRegistration> registrations = List.copyOf(
                new OAuth2ClientPropertiesMapper(withIssuer).asClientRegistrations().values());
        return new InMemoryReactiveClientRegistrationRepository(registrations);
    }
}
