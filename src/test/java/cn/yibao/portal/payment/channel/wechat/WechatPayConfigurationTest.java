package cn.yibao.portal.payment.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.payment.channel.PaymentChannel;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The WeChat Pay bean exists only when switched on, and then only with complete settings. */
class WechatPayConfigurationTest {

    @TempDir
    Path keys;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(WechatPayConfiguration.class);

    private String[] complete() {
        WechatPayFixture fixture = new WechatPayFixture(keys);
        return new String[] {
            "portal.payment.wechat.enabled=true",
            "portal.payment.wechat.mchid=" + WechatPayFixture.MCHID,
            "portal.payment.wechat.appid=" + WechatPayFixture.APPID,
            "portal.payment.wechat.merchant-serial-number=" + WechatPayFixture.MERCHANT_SERIAL,
            "portal.payment.wechat.private-key-path=" + fixture.privateKeyFile,
            "portal.payment.wechat.api-v3-key=" + WechatPayFixture.API_V3_KEY,
            "portal.payment.wechat.platform-public-key-path=" + fixture.platformPublicKeyFile,
            "portal.payment.wechat.platform-public-key-id=" + WechatPayFixture.PUBLIC_KEY_ID,
            "portal.payment.wechat.notify-url=" + WechatPayFixture.NOTIFY_URL};
    }

    @Test
    void noChannelUnlessSwitchedOn() {
        context.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(PaymentChannel.class));
    }

    @Test
    void switchedOffStaysOffEvenWithSettings() {
        context.withPropertyValues(complete()).withPropertyValues("portal.payment.wechat.enabled=false")
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(PaymentChannel.class));
    }

    @Test
    void completeSettingsGiveTheWechatPayChannel() {
        context.withPropertyValues(complete()).run(started -> {
            assertThat(started).hasSingleBean(PaymentChannel.class);
            assertThat(started.getBean(PaymentChannel.class).id()).isEqualTo(PaymentChannelId.WECHAT_PAY);
            assertThat(started.getBean(PaymentChannel.class).merchantId()).isEqualTo(WechatPayFixture.MCHID);
        });
    }

    @Test
    void switchedOnButIncompleteStopsTheStartNamingEveryMissingKey() {
        context.withPropertyValues("portal.payment.wechat.enabled=true", "portal.payment.wechat.mchid=1900000109",
                        "portal.payment.wechat.api-v3-key=short-secret-value",
                        "portal.payment.wechat.private-key-path=" + keys.resolve("missing.pem"))
                .run(started -> {
                    assertThat(started).hasFailed();
                    String message = rootMessage(started.getStartupFailure());
                    assertThat(message).contains("WeChat Pay is enabled", "portal.payment.wechat.enabled=true",
                            "portal.payment.wechat.appid", "portal.payment.wechat.merchant-serial-number",
                            "portal.payment.wechat.notify-url", "portal.payment.wechat.platform-public-key-path",
                            "portal.payment.wechat.api-v3-key: must be 32 characters long",
                            "portal.payment.wechat.private-key-path: file not found or not readable");
                    assertThat(message).doesNotContain("short-secret-value")
                            .doesNotContain("portal.payment.wechat.mchid:")
                            .doesNotContainPattern("\\p{IsHan}");
                });
    }

    @Test
    void theWebAuthorizationForJsapiComesWithTheAppSecretOnly() {
        context.withPropertyValues(complete()).run(started -> assertThat(
                started.getBeanProvider(WechatWebAuth.class).getIfAvailable()).as("no app-secret").isNull());
        context.withPropertyValues(complete())
                .withPropertyValues("portal.payment.wechat.app-secret=0123456789abcdef0123456789abcdef")
                .run(started -> assertThat(started.getBeanProvider(WechatWebAuth.class).getIfAvailable()
                        .authorizeUrl("https://portal.example.cn/payment/wechat-auth", "s1"))
                        .startsWith("https://open.weixin.qq.com/connect/oauth2/authorize?appid=" + WechatPayFixture.APPID));
    }

    @Test
    void aPublicKeyNeedsItsId() {
        context.withPropertyValues(complete()).withPropertyValues("portal.payment.wechat.platform-public-key-id=")
                .run(started -> assertThat(rootMessage(started.getStartupFailure()))
                        .contains("portal.payment.wechat.platform-public-key-id"));
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
