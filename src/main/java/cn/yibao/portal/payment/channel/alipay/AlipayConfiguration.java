package cn.yibao.portal.payment.channel.alipay;

import cn.yibao.portal.payment.channel.PaymentChannel;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Alipay channel, only with {@code portal.payment.alipay.enabled=true}; then an incomplete configuration stops
 * the start with a message naming every missing key.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "portal.payment.alipay.enabled", havingValue = "true")
@EnableConfigurationProperties(AlipaySettings.class)
class AlipayConfiguration {

    @Bean
    PaymentChannel alipayChannel(AlipaySettings settings) {
        settings.requireComplete();
        return new AlipayChannel(settings, Clock.systemUTC());
    }
}
