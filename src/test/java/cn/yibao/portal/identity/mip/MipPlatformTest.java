package cn.yibao.portal.identity.mip;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.identity.domain.mip.AuthorizationRequest;
import cn.yibao.portal.identity.domain.mip.Sm4Ecb;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

class MipPlatformTest {

    static MipSettings settingsAt(String base) {
        return new MipSettings(base + "/authorize", base, base + "/1101", "sandbox-partner", "sandbox-partner-secret",
                "SANDBOX-MIP-APP-0001", "sandbox-app-secret-2023", "141100", "AppH5", "a/b",
                AuthorizationRequest.CodeEncoding.RAW, "H1", Sm4Ecb.KeySource.DERIVED, Sm4Ecb.Encoding.HEX, null,
                "bbe4629124be9844420e3d005d6ceb0496312a29bb798bd8e202cc1fca27a8ed",
                "04e28139d348423d839c436b2b5e58e8d478de2f0dd4470a95b4f5135d67fac3feadd52d8138bfeca0f16e06e3881e532d853edaf5b4dcf9062b90f7fe7ac4bb63",
                null, null, null, Duration.ofSeconds(2), 1);
    }

    @Test
    void aPlatformThatCannotBeReachedIsUnreachableAfterTheRetryNotAFailedSignIn() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MipPlatform platform = new MipPlatform(settingsAt("http://127.0.0.1:" + closedPort), WebClient.builder(),
                Clock.systemUTC());
        StepVerifier.create(platform.userQuery("code"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(MipSignInException.class)
                        .extracting(e -> ((MipSignInException) e).failure()).isEqualTo(MipSignInException.Failure.UNREACHABLE))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void theSettingsNeverPrintTheirSecretsOrKeys() {
        assertThat(settingsAt("http://x").toString()).doesNotContain("sandbox-partner-secret", "sandbox-app-secret-2023",
                "bbe4629124be9844420e3d005d6ceb0496312a29bb798bd8e202cc1fca27a8ed");
        assertThat(settingsAt("http://x").envelopeKeys().toString()).doesNotContain("sandbox-app-secret-2023",
                "bbe4629124be9844420e3d005d6ceb0496312a29bb798bd8e202cc1fca27a8ed");
    }
}
