package cn.yibao.portal.identity.mip;

import cn.yibao.portal.identity.domain.mip.AuthorizationRequest;
import cn.yibao.portal.identity.domain.mip.ChannelEnvelope;
import cn.yibao.portal.identity.domain.mip.Sm2Signatures;
import cn.yibao.portal.identity.domain.mip.Sm4Ecb;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every variable part of the national e-voucher channel ({@code portal.evoucher.mip.*}, README "E-voucher
 * adapter"). The secrets and keys are never printed ({@link #toString()}).
 *
 * @param authorizeUrl        the NHSA authorization page (H5) the resident is sent to
 * @param apiBaseUrl          base of the userQuery service: {@code {apiBaseUrl}/api/mipuserquery/userQuery/{partnerId}}
 * @param personServiceUrl    the 1101 person service (channel envelope)
 * @param partnerId           the userQuery partner id
 * @param partnerSecret       the userQuery partner secret (HMAC-SHA256 key)
 * @param appId               the channel app id ({@code orgAppId}, the envelope's {@code appId})
 * @param appSecret           the channel app secret (the sign string's {@code key}, the SM4 key derivation)
 * @param cityCode            the {@code cityCode} of the authorization request
 * @param channel             the {@code channel} of the authorization request
 * @param orgChnlCrtfCodg     the channel certificate code
 * @param orgChnlCrtfCodgEncoding RAW (as it is, {@code /} unencoded) or ENCODED ({@code %2F})
 * @param orgCodg             the organisation code
 * @param sm4KeySource        DERIVED (from app id and secret) or CONFIGURED ({@code sm4Key})
 * @param sm4Encoding         HEX or BASE64: how {@code encData} and a configured key are written
 * @param sm4Key              the SM4 key when CONFIGURED
 * @param portalPrivateKey    the portal's SM2 private key (hex) that signs its envelopes
 * @param platformPublicKey   the platform's SM2 public key (hex, 04‖x‖y) that signs its answers
 * @param sm2UserId           the SM2 signer id (default 1234567812345678)
 * @param envelopeVersion     the envelope's {@code version}
 * @param timestampWindow     how far the platform's timestamps may be from our clock
 * @param timeout             per call to the platform
 * @param retries             further attempts when the platform cannot be reached (never after it answered)
 */
@ConfigurationProperties("portal.evoucher.mip")
public record MipSettings(String authorizeUrl, String apiBaseUrl, String personServiceUrl, String partnerId,
                          String partnerSecret, String appId, String appSecret, String cityCode, String channel,
                          String orgChnlCrtfCodg, AuthorizationRequest.CodeEncoding orgChnlCrtfCodgEncoding,
                          String orgCodg, Sm4Ecb.KeySource sm4KeySource, Sm4Ecb.Encoding sm4Encoding, String sm4Key,
                          String portalPrivateKey, String platformPublicKey, String sm2UserId, String envelopeVersion,
                          Duration timestampWindow, Duration timeout, Integer retries) {

    public MipSettings {
        orgChnlCrtfCodgEncoding = orgChnlCrtfCodgEncoding == null ? AuthorizationRequest.CodeEncoding.RAW : orgChnlCrtfCodgEncoding;
        sm4KeySource = sm4KeySource == null ? Sm4Ecb.KeySource.DERIVED : sm4KeySource;
        sm4Encoding = sm4Encoding == null ? Sm4Ecb.Encoding.HEX : sm4Encoding;
        sm2UserId = blank(sm2UserId) ? Sm2Signatures.DEFAULT_USER_ID : sm2UserId;
        envelopeVersion = blank(envelopeVersion) ? "2.0.1" : envelopeVersion;
        timestampWindow = timestampWindow == null ? Duration.ofMinutes(5) : timestampWindow;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        retries = retries == null ? 1 : retries;
    }

    /** Whether enough is configured to sign anyone in. */
    public boolean configured() {
        return !blank(authorizeUrl) && !blank(apiBaseUrl) && !blank(personServiceUrl) && !blank(partnerId)
                && !blank(partnerSecret) && !blank(appId) && !blank(appSecret) && !blank(portalPrivateKey)
                && !blank(platformPublicKey);
    }

    AuthorizationRequest.Channel authorizationChannel() {
        return new AuthorizationRequest.Channel(authorizeUrl, cityCode, channel, orgChnlCrtfCodg, orgCodg, appId,
                orgChnlCrtfCodgEncoding);
    }

    ChannelEnvelope.Keys envelopeKeys() {
        return new ChannelEnvelope.Keys(appId, appSecret, Sm4Ecb.key(sm4KeySource, sm4Encoding, appId, appSecret, sm4Key),
                sm4Encoding, portalPrivateKey, platformPublicKey, sm2UserId, envelopeVersion);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @Override
    public String toString() {
        return "MipSettings[authorizeUrl=" + authorizeUrl + ", apiBaseUrl=" + apiBaseUrl + ", personServiceUrl="
                + personServiceUrl + ", partnerId=" + partnerId + ", appId=" + appId + ", cityCode=" + cityCode
                + ", channel=" + channel + ", orgChnlCrtfCodgEncoding=" + orgChnlCrtfCodgEncoding + ", sm4KeySource="
                + sm4KeySource + ", sm4Encoding=" + sm4Encoding + "]";
    }
}
