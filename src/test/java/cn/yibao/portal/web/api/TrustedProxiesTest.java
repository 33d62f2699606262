package cn.yibao.portal.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who the client is behind our reverse proxies: X-Forwarded-For read from the right, and only from a proxy we know. */
class TrustedProxiesTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.5, 10.1.0.0/16, fd00::/8");

    static Stream<Arguments> requests() {
        return Stream.of(
                // peer, X-Forwarded-For values, the client
                Arguments.of("10.0.0.5", List.of("198.51.100.7"), "198.51.100.7"),
                Arguments.of("10.0.0.5", List.of("6.6.6.6, 198.51.100.7"), "198.51.100.7"),
                Arguments.of("10.0.0.5", List.of("6.6.6.6", "198.51.100.7"), "198.51.100.7"),
                Arguments.of("10.0.0.5", List.of("6.6.6.6, 198.51.100.7, 10.1.2.3"), "198.51.100.7"),
                Arguments.of("10.1.9.9", List.of("unknown, 198.51.100.7"), "198.51.100.7"),
                Arguments.of("10.0.0.5", List.of("198.51.100.7:51234"), "198.51.100.7"),
                Arguments.of("10.0.0.5", List.of("[2001:db8::1]:443"), "2001:db8::1"),
                Arguments.of("10.0.0.5", List.of("2001:db8::2"), "2001:db8::2"),
                Arguments.of("fd00::1", List.of("198.51.100.9"), "198.51.100.9"),
                Arguments.of("10.0.0.5", List.of(), "10.0.0.5"),
                Arguments.of("10.0.0.5", List.of("10.1.2.3"), "10.1.2.3"),
                Arguments.of("10.0.0.5", List.of("198.51.100.7, unknown"), null),
                Arguments.of("10.0.0.5", List.of("evil.example.com"), null),
                Arguments.of("203.0.113.1", List.of("198.51.100.7"), null),
                Arguments.of("10.2.0.1", List.of("198.51.100.7"), null));
    }

    @ParameterizedTest(name = "from {0} with X-Forwarded-For {1} → {2}")
    @MethodSource("requests")
    void theClientIsTheFirstAddressFromTheRightThatIsNotOneOfOurProxies(String peer, List<String> forwardedFor,
                                                                         String client) throws Exception {
        Optional<InetAddress> found = PROXIES.clientOf(InetAddress.getByName(peer), forwardedFor);

        assertThat(found.map(InetAddress::getHostAddress).map(a -> a.replace("0:0:0:0:0:0:0:", "::")
                .replace("2001:db8:0:0:0:0:0:", "2001:db8::")).orElse(null)).isEqualTo(client);
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @ValueSource(strings = {"proxy.internal", "10.0.0.5/33", "10.0.0", "10.0.0.5/", "::1/129", "10.0.0.5/8/8", "*"})
    void namesAndMalformedRangesAreRefusedWithoutRepeatingThem(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.5," + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(entry));
    }

    @ParameterizedTest(name = "[{0}] trusts nobody")
    @ValueSource(strings = {"", "  "})
    void blankTrustsNobody(String configured) throws Exception {
        TrustedProxies none = TrustedProxies.parse(configured);

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.trusts(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(none.clientOf(InetAddress.getByName("127.0.0.1"), List.of("6.6.6.6"))).isEmpty();
    }
}
