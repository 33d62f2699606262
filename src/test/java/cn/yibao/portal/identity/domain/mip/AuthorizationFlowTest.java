package cn.yibao.portal.identity.domain.mip;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.identity.domain.mip.AuthorizationRequest.CodeEncoding;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthorizationFlowTest {

    static final AuthorizationRequest.Channel CHANNEL = new AuthorizationRequest.Channel(
            "http://127.0.0.1:9000/mip/authorize", "141100", "AppH5", "BqK1kMStlhVDgN2uHf4EsLK/F-SANDBOX", "H14112100001",
            "SANDBOX-MIP-APP-0001", CodeEncoding.RAW);

    @Test
    void theRedirectCarriesBizType04107TheChannelAndTheStateWithTheChannelCodeRawOrEncodedAsConfigured() {
        String raw = AuthorizationRequest.url(CHANNEL, "st4te", "https://portal.example/login/evoucher/callback");
        assertThat(raw).isEqualTo("http://127.0.0.1:9000/mip/authorize?bizType=04107&cityCode=141100&channel=AppH5"
                + "&orgChnlCrtfCodg=BqK1kMStlhVDgN2uHf4EsLK/F-SANDBOX&orgCodg=H14112100001&orgAppId=SANDBOX-MIP-APP-0001"
                + "&state=st4te&redirectUrl=https%3A%2F%2Fportal.example%2Flogin%2Fevoucher%2Fcallback");
        String encoded = AuthorizationRequest.url(new AuthorizationRequest.Channel(CHANNEL.authorizeUrl(), "141100",
                "AppH5", CHANNEL.orgChnlCrtfCodg(), "H14112100001", "SANDBOX-MIP-APP-0001", CodeEncoding.ENCODED), "s", "r");
        assertThat(encoded).contains("&orgChnlCrtfCodg=BqK1kMStlhVDgN2uHf4EsLK%2FF-SANDBOX&");
    }

    @Test
    void aHostThatExpectsTheChannelCodeRawRefusesItPercentEncoded() {
        String code = CHANNEL.orgChnlCrtfCodg();
        assertThat(AuthorizationRequest.channelCodeProblem("BqK1kMStlhVDgN2uHf4EsLK/F-SANDBOX", code, CodeEncoding.RAW))
                .isNull();
        assertThat(AuthorizationRequest.channelCodeProblem("BqK1kMStlhVDgN2uHf4EsLK%2FF-SANDBOX", code, CodeEncoding.RAW))
                .isEqualTo(AuthorizationRequest.ChannelCodeProblem.WRONG);
        assertThat(AuthorizationRequest.channelCodeProblem("BqK1kMStlhVDgN2uHf4EsLK%2FF-SANDBOX", code,
                CodeEncoding.ENCODED)).isNull();
        assertThat(AuthorizationRequest.channelCodeProblem(null, code, CodeEncoding.RAW)).isEqualTo(AuthorizationRequest.ChannelCodeProblem.MISSING);
    }

    @Test
    void anAuthCodeIsRedeemedOnceAndOnlyBeforeItExpires() {
        OneTimeCodes<String> codes = new OneTimeCodes<>(Duration.ofMinutes(5));
        Instant now = Instant.parse("2023-10-15T02:00:00Z");
        String first = codes.issue("wenshui-general", now);
        assertThat(codes.redeem(first, now.plusSeconds(60))).isEqualTo(new OneTimeCodes.Redeemed<>("wenshui-general"));
        assertThat(codes.redeem(first, now.plusSeconds(61))).isInstanceOf(OneTimeCodes.AlreadyUsed.class);

        String late = codes.issue("wenshui-dibao", now);
        assertThat(codes.redeem(late, now.plus(Duration.ofMinutes(5)).plusSeconds(1)))
                .isInstanceOf(OneTimeCodes.Expired.class);
        assertThat(codes.redeem("no-such-code", now)).isInstanceOf(OneTimeCodes.Unknown.class);
        assertThat(codes.issue("x", now)).isNotEqualTo(codes.issue("x", now)).hasSize(32);
    }
}
