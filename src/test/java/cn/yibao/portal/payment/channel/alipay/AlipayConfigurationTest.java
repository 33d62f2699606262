package cn.yibao.portal.payment.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.payment.channel.PaymentChannel;
import cn.yibao.portal.payment.channel.TestKeys;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Alipay bean exists only when switched on, and then only with complete settings; keys as text or files. */
class AlipayConfigurationTest {

    @TempDir
    Path keys;

    private final AlipayFixture fixture = new AlipayFixture();
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(AlipayConfiguration.class);

    @Test
    void noChannelUnlessSwitchedOn() {
        context.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(PaymentChannel.class));
    }

    @Test
    void completeSettingsWithKeyFilesGiveTheAlipayChannel() {
        context.withPropertyValues("portal.payment.alipay.enabled=true",
                        "portal.payment.alipay.app-id=" + AlipayFixture.APP_ID,
                        "portal.payment.alipay.app-private-key-path="
                                + TestKeys.pem(keys, "app_private_key.pem", fixture.app.getPrivate()),
                        "portal.payment.alipay.alipay-public-key-path="
                                + TestKeys.pem(keys, "alipay_public_key.pem", fixture.alipay.getPublic()),
                        "portal.payment.alipay.seller-id=" + AlipayFixture.SELLER_ID,
                        "portal.payment.alipay.notify-url=" + AlipayFixture.NOTIFY_URL)
                .run(started -> {
                    assertThat(started).hasSingleBean(PaymentChannel.class);
                    PaymentChannel channel = started.getBean(PaymentChannel.class);
                    assertThat(channel.id()).isEqualTo(PaymentChannelId.ALIPAY);
                    assertThat(channel.merchantId()).isEqualTo(AlipayFixture.SELLER_ID);
                    // the keys were read from the PEM files: a notification signed by "Alipay" verifies
                    assertThat(channel.verify(AlipayFixture.request(AlipayFixture.notification(java.util.Map.of(),
                            fixture.alipay.getPrivate()))).block())
                            .isInstanceOf(cn.yibao.portal.payment.domain.ChannelNotice.PaymentResult.class);
                });
    }

    @Test
    void switchedOnButIncompleteStopsTheStartNamingEveryMissingKey() {
        String secret = TestKeys.base64(fixture.app.getPrivate());
        context.withPropertyValues("portal.payment.alipay.enabled=true",
                        "portal.payment.alipay.app-private-key=" + secret,
                        "portal.payment.alipay.gateway-url=not a url")
                .run(started -> {
                    assertThat(started).hasFailed();
                    Throwable root = started.getStartupFailure();
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    assertThat(root.getMessage()).contains("Alipay is enabled", "portal.payment.alipay.app-id",
                            "portal.payment.alipay.alipay-public-key", "portal.payment.alipay.seller-id",
                            "portal.payment.alipay.notify-url", "portal.payment.alipay.gateway-url: must be an absolute http(s) URL");
                    assertThat(root.getMessage()).doesNotContain(secret.substring(0, 40))
                            .doesNotContain("portal.payment.alipay.app-private-key:");
                    assertThat(root.getMessage()).doesNotContainPattern("\\p{IsHan}");
                });
    }
}
