package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.web.api.TrustedProxies;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** Forwarded headers are believed from our proxy only, and then only X-Forwarded-For (from the right) and -Proto. */
class TrustedProxyHeadersTest {

    private final TrustedProxyHeaders transformer = new TrustedProxyHeaders(TrustedProxies.parse("10.0.0.5"));

    @Test
    void fromTheProxyTheClientAndSchemeAreTakenAndTheHeadersDropped() {
        ServerHttpRequest request = transformer.apply(MockServerHttpRequest.get("http://portal.example.cn/home")
                .remoteAddress(new InetSocketAddress("10.0.0.5", 40000))
                .header("X-Forwarded-For", "6.6.6.6, 198.51.100.7")
                .header("X-Forwarded-Proto", "https")
                .build());

        assertThat(request.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("198.51.100.7");
        assertThat(request.getURI().toString()).isEqualTo("https://portal.example.cn/home");
        assertThat(request.getHeaders().containsHeader("X-Forwarded-For")).isFalse();
        assertThat(request.getHeaders().containsHeader("X-Forwarded-Proto")).isFalse();
    }

    @Test
    void fromAnyoneElseEveryForwardedHeaderIsDroppedAndNothingChanges() {
        ServerHttpRequest request = transformer.apply(MockServerHttpRequest.get("http://portal.example.cn:8080/home")
                .remoteAddress(new InetSocketAddress("203.0.113.9", 40000))
                .header("X-Forwarded-For", "198.51.100.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example.com")
                .header("Forwarded", "for=6.6.6.6;proto=https;host=evil.example.com")
                .build());

        assertThat(request.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.9");
        assertThat(request.getURI().toString()).isEqualTo("http://portal.example.cn:8080/home");
        assertThat(request.getHeaders().headerNames()).noneMatch(name -> name.toLowerCase().contains("forwarded"));
    }

    @Test
    void theProxyCannotBeToldAnotherHostOrAForwardedClient() {
        ServerHttpRequest request = transformer.apply(MockServerHttpRequest.get("http://portal.example.cn/home")
                .remoteAddress(new InetSocketAddress("10.0.0.5", 40000))
                .header("Forwarded", "for=6.6.6.6;host=evil.example.com")
                .header("X-Forwarded-Host", "evil.example.com")
                .header("X-Forwarded-For", "198.51.100.7")
                .build());

        assertThat(request.getURI().getHost()).isEqualTo("portal.example.cn");
        assertThat(request.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("198.51.100.7");
    }
}
