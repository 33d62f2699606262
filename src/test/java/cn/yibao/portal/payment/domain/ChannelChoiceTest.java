package cn.yibao.portal.payment.domain;

import static cn.yibao.portal.payment.domain.PaymentChannelId.ALIPAY;
import static cn.yibao.portal.payment.domain.PaymentChannelId.CASH;
import static cn.yibao.portal.payment.domain.PaymentChannelId.SANDBOX;
import static cn.yibao.portal.payment.domain.PaymentChannelId.WECHAT_PAY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.web.api.ClientKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The channel a payer gets when they do not choose, from their browser's user agent: WeChat's webview → WeChat
 * Pay, Alipay's → Alipay, when enabled; otherwise the first enabled online channel (never cash at the counter).
 */
class ChannelChoiceTest {

    static final String WECHAT_IOS = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.42(0x18002a2a) NetType/WIFI Language/zh_CN";
    static final String WECHAT_ANDROID = "Mozilla/5.0 (Linux; Android 13; V2244A Build/TP1A.220624.014; wv) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/1110005 "
            + "MMWEBSDK/20230805 MMWEBID/1234 MicroMessenger/8.0.42.2460(0x28002A35) WeChat/arm64 Weixin NetType/5G "
            + "Language/zh_CN ABI/arm64";
    static final String ALIPAY_ANDROID = "Mozilla/5.0 (Linux; U; Android 13; zh-CN; V2244A Build/TP1A.220624.014) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.59 Mobile Safari/537.36 "
            + "NebulaSDK/1.8.100112 Nebula AlipayDefined(nt:WIFI,ws:393|0|2.75) AliApp(AP/10.5.26.8000) "
            + "AlipayClient/10.5.26.8000 Language/zh-Hans Region/CN";
    static final String CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Mobile Safari/537.36";
    static final String SAFARI_IOS = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

    static Stream<Arguments> cases() {
        List<PaymentChannelId> all = List.of(SANDBOX, WECHAT_PAY, ALIPAY);
        List<PaymentChannelId> production = List.of(WECHAT_PAY, ALIPAY);
        return Stream.of(
                Arguments.of("WeChat on iOS, WeChat Pay enabled", WECHAT_IOS, all, WECHAT_PAY),
                Arguments.of("WeChat on Android, WeChat Pay enabled", WECHAT_ANDROID, production, WECHAT_PAY),
                Arguments.of("WeChat, WeChat Pay not enabled: the first enabled", WECHAT_IOS, List.of(SANDBOX, ALIPAY), SANDBOX),
                Arguments.of("Alipay, Alipay enabled", ALIPAY_ANDROID, all, ALIPAY),
                Arguments.of("Alipay, Alipay not enabled: the first enabled", ALIPAY_ANDROID, List.of(WECHAT_PAY), WECHAT_PAY),
                Arguments.of("a phone browser: the first enabled", CHROME_ANDROID, all, SANDBOX),
                Arguments.of("a phone browser in production: the first enabled", SAFARI_IOS, production, WECHAT_PAY),
                Arguments.of("no user agent: the first enabled", null, production, WECHAT_PAY),
                Arguments.of("cash is never the default, even first", CHROME_ANDROID, List.of(CASH, ALIPAY), ALIPAY),
                Arguments.of("only cash: no default", WECHAT_IOS, List.of(CASH), null),
                Arguments.of("nothing enabled: no default", ALIPAY_ANDROID, List.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choosesTheDefaultChannel(String situation, String userAgent, List<PaymentChannelId> enabled,
                                  PaymentChannelId expected) {
        assertThat(ChannelChoice.defaultFor(ClientKind.fromUserAgent(userAgent), enabled)).isEqualTo(expected);
    }

    static Stream<Arguments> offers() {
        List<PaymentChannelId> all = List.of(SANDBOX, WECHAT_PAY, ALIPAY);
        List<PaymentChannelId> production = List.of(WECHAT_PAY, ALIPAY);
        return Stream.of(
                Arguments.of("inside WeChat: WeChat Pay, not Alipay", WECHAT_ANDROID, production, List.of(WECHAT_PAY)),
                Arguments.of("inside WeChat with the sandbox", WECHAT_IOS, all, List.of(SANDBOX, WECHAT_PAY)),
                Arguments.of("inside Alipay: Alipay, not WeChat Pay", ALIPAY_ANDROID, production, List.of(ALIPAY)),
                Arguments.of("inside Alipay, cash at the counter stays", ALIPAY_ANDROID, List.of(CASH, WECHAT_PAY, ALIPAY),
                        List.of(CASH, ALIPAY)),
                Arguments.of("a phone browser: both", CHROME_ANDROID, production, production),
                Arguments.of("inside WeChat with only Alipay enabled: still offered, never nothing", WECHAT_IOS,
                        List.of(ALIPAY), List.of(ALIPAY)),
                Arguments.of("nothing offered", WECHAT_IOS, List.of(), List.of()));
    }

    /** Issue #17, item 11: inside WeChat offer WeChat Pay (not Alipay), inside Alipay offer Alipay. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("offers")
    void offersTheChannelsOfTheAppItIsIn(String situation, String userAgent, List<PaymentChannelId> offered,
                                         List<PaymentChannelId> expected) {
        assertThat(ChannelChoice.offeredIn(ClientKind.fromUserAgent(userAgent), offered)).isEqualTo(expected);
    }
}
