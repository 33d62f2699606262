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
@EnableConfigurationProperties({WechatPaySettings.class, WechatWebAuthSettings.class})
class WechatPayConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WechatPayConfiguration.class);

    /**
     * Web authorization for JSAPI, only with {@code portal.payment.wechat.app-secret}: without it the payer's openid
     * is never known inside WeChat, so say so at start.
     */
    @Bean
    WechatWebAuth wechatWebAuth(WechatWebAuthSettings settings) {
        if (settings.appSecret() == null || settings.appSecret().isBlank()) {
            log.warn("portal.payment.wechat.app-secret is not set: inside WeChat the payer's openid stays unknown and "
                    + "JSAPI payment is not used (WeChat does not allow H5 payment there)");
            return null;
        }
        return new WechatWebAuth(settings);
    }

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
