package cn.yibao.portal.identity.mip;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MipSettings.class)
class MipConfiguration {

    @Bean
    RouterFunction<ServerResponse> mipSignInStart(MipSignIn signIn) {
        return signIn.startRoute();
    }

    @Bean
    RouterFunction<ServerResponse> appTokenExchange(AppTokens tokens) {
        return org.springframework.web.reactive.function.server.RouterFunctions.route()
                .POST(AppTokens.PATH, tokens::exchange).build();
    }
}
