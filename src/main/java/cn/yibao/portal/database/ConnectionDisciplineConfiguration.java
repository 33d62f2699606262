package cn.yibao.portal.database;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Every request counts the pooled connections it holds ({@link OneConnectionPerRequest}).
 * {@code portal.database.nested-acquisition}: {@code warn} (default) logs a request that nests, {@code fail} (the
 * tests) refuses it, {@code off} does not count.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionDisciplineConfiguration {

    @Bean
    static BeanPostProcessor oneConnectionPerRequest(Environment environment) {
        OneConnectionPerRequest.Mode mode = environment.getProperty("portal.database.nested-acquisition",
                OneConnectionPerRequest.Mode.class, OneConnectionPerRequest.Mode.WARN);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (mode != OneConnectionPerRequest.Mode.OFF && bean instanceof ConnectionFactory pool
                        && !(bean instanceof OneConnectionPerRequest)) {
                    return new OneConnectionPerRequest(pool, mode);
                }
                return bean;
            }
        };
    }

    @Bean
    RequestConnectionScope requestConnectionScope() {
        return new RequestConnectionScope();
    }
}
