package cn.yibao.portal.payment.channel.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The sandbox channel's settings ({@code portal.payment.sandbox.*}). */
@Component
class SandboxSettings {

    final String merchantId;
    final Path keyFile;
    /** Empty: the portal's own notify endpoint on loopback, at the port the server listens on. */
    final String notifyUrl;
    final Duration lateDelay;
    final Duration notificationWindow;

    SandboxSettings(@Value("${portal.payment.sandbox.merchant-id:SANDBOX-MCH-0001}") String merchantId,
                    @Value("${portal.data-dir}") String dataDir,
                    @Value("${portal.payment.sandbox.notify-url:}") String notifyUrl,
                    @Value("${portal.payment.sandbox.late-delay:PT60S}") Duration lateDelay,
                    @Value("${portal.payment.notification-window:PT5M}") Duration notificationWindow) {
        this.merchantId = merchantId;
        this.keyFile = Path.of(dataDir, "keys", "sandbox-pay-rsa.properties");
        this.notifyUrl = notifyUrl;
        this.lateDelay = lateDelay;
        this.notificationWindow = notificationWindow;
    }
}
