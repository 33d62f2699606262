package cn.yibao.portal.payment.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.payment.domain.ChannelNotice;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merchants not yet moved to WeChat Pay's platform public key verify with the platform certificate instead
 * ({@code platform-certificate-path}); notifications then name the certificate's serial number.
 */
class WechatPayPlatformCertificateTest {

    private static final Instant NOW = Instant.parse("2024-01-01T02:00:20Z");
    private static final BigInteger SERIAL = new BigInteger("5157F09EFDC096DE15EBE81A47057A7232F1B8E2", 16);

    @TempDir
    Path keys;

    @Test
    void notificationSignedWithThePlatformCertificatesKeyIsGenuine() throws Exception {
        WechatPayFixture fixture = new WechatPayFixture(keys);
        Path certificate = certificate(fixture);
        WechatPaySettings settings = fixture.settings(WechatPaySettings.DEFAULT_BASE_URL);
        WechatPaySettings withCertificate = new WechatPaySettings(true, settings.mchid(), settings.appid(),
                settings.merchantSerialNumber(), settings.privateKeyPath(), settings.apiV3Key(), null, null,
                certificate.toString(), settings.notifyUrl(), null, null, settings.baseUrl(), settings.connectTimeout(),
                settings.readTimeout());
        assertThat(withCertificate.problems()).isEmpty();
        WechatPayChannel channel = new WechatPayChannel(withCertificate, Duration.ofMinutes(5),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String body = WechatPayFixture.notificationBody("TRANSACTION.SUCCESS", "transaction", """
                {"mchid":"1900000109","out_trade_no":"P20240101000001","transaction_id":"4200002024010112345678901234",\
                "trade_state":"SUCCESS","success_time":"2024-01-01T10:00:12+08:00","amount":{"total":38000}}""",
                WechatPayFixture.API_V3_KEY);

        ChannelNotice genuine = channel.verify(WechatPayFixture.signed(body, NOW, fixture.platform.getPrivate(),
                SERIAL.toString(16).toUpperCase())).block();
        ChannelNotice otherSerial = channel.verify(WechatPayFixture.signed(body, NOW, fixture.platform.getPrivate(),
                "1A2B3C")).block();

        assertThat(genuine).isInstanceOf(ChannelNotice.PaymentResult.class);
        assertThat(otherSerial).isInstanceOf(ChannelNotice.Forged.class);
    }

    /** A self-signed stand-in for WeChat Pay's platform certificate, over the fixture's platform key. */
    private Path certificate(WechatPayFixture fixture) throws Exception {
        X500Name name = new X500Name("CN=Tenpay.com Root CA, O=Tenpay.com, C=CN");
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(name, SERIAL, Date.from(NOW.minus(Duration.ofDays(1))),
                        Date.from(NOW.plus(Duration.ofDays(365))), name, fixture.platform.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(fixture.platform.getPrivate())));
        return write(keys.resolve("wechatpay_platform.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text);
    }
}
