package cn.yibao.portal.payment.channel.wechat;

import cn.yibao.portal.payment.channel.PaymentChannel;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The WeChat Pay channel, only with {@code portal.payment.wechat.enabled=true}; then an incomplete configuration
 * stops the start with a message naming every missing key.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "portal.payment.wechat.enabled", havingValue = "true")
@EnableConfigurationProperties(WechatPaySettings.class)
class WechatPayConfiguration {

    /**
     * Notifications older or newer than {@code portal.payment.notification-window} (5 minutes) are refused. Their
     * signed timestamps are compared with real time, not the sandbox's business clock: WeChat's clock is real.
     */
    @Bean
    PaymentChannel wechatPayChannel(WechatPaySettings settings,
                                    @Value("${portal.payment.notification-window:PT5M}") String window) {
        settings.requireComplete();
        return new WechatPayChannel(settings, DurationStyle.detectAndParse(window), Clock.systemUTC());
    }
}
