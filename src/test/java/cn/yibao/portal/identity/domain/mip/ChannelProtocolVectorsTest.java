package cn.yibao.portal.identity.domain.mip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The e-voucher protocol's cryptography against vectors computed independently with OpenSSL 3.0.19 (and Python 3 for
 * the sorted string), not with this code. How each was made is written beside it; the keys are the sandbox's
 * (published, never used outside the sandbox):
 * <pre>
 * openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2 -out platform.pem     # then: openssl ec -text
 * </pre>
 */
class ChannelProtocolVectorsTest {

    static final String PLATFORM_PRIVATE = "8741968c3dfb7b30e468dba060809639257802f033fa1a2e36bb69b5c512ac3e";
    static final String PLATFORM_PUBLIC = "04e28139d348423d839c436b2b5e58e8d478de2f0dd4470a95b4f5135d67fac3fe"
            + "add52d8138bfeca0f16e06e3881e532d853edaf5b4dcf9062b90f7fe7ac4bb63";
    static final String PORTAL_PRIVATE = "bbe4629124be9844420e3d005d6ceb0496312a29bb798bd8e202cc1fca27a8ed";
    static final String PORTAL_PUBLIC = "04c68ba11093740c2a33666cace19dbc5f992b37caf99d816db075acb069d7b330"
            + "78903b246bb11f63a0b2445961d0168b1bfc6f000c9c22cabb73e6c978de9c81";

    static final String APP_ID = "SANDBOX-MIP-APP-0001";
    static final String APP_SECRET = "sandbox-app-secret-2023";
    static final Instant AT = Instant.ofEpochMilli(1697328000000L);

    @Test
    void userQuerySignatureIsHexHmacSha256OfPartnerIdAndTimestamp() {
        // printf 'sandbox-partner1697328000000' | openssl dgst -sha256 -hmac 'sandbox-partner-secret'
        assertThat(UserQuerySignature.sign("sandbox-partner", "sandbox-partner-secret", 1697328000000L))
                .isEqualTo("96b71a9e1c46039742ca3cb90fed75a6a198008f17e77764aef64cd6f5e4c067");
    }

    @Test
    void userQueryHeadersAreAcceptedOnlyWithTheRightSignatureWithinTheWindow() {
        String signature = "96b71a9e1c46039742ca3cb90fed75a6a198008f17e77764aef64cd6f5e4c067";
        Duration window = Duration.ofMinutes(5);
        assertThat(UserQuerySignature.check("sandbox-partner", "sandbox-partner-secret", "1697328000000", signature,
                AT.plusSeconds(299), window)).isEqualTo(UserQuerySignature.Check.VALID);
        assertThat(UserQuerySignature.check("sandbox-partner", "sandbox-partner-secret", "1697328000000",
                signature.toUpperCase(), AT.minusSeconds(10), window)).isEqualTo(UserQuerySignature.Check.VALID);
        assertThat(UserQuerySignature.check("sandbox-partner", "sandbox-partner-secret", "1697328000000", signature,
                AT.plusSeconds(301), window)).isEqualTo(UserQuerySignature.Check.STALE_TIMESTAMP);
        assertThat(UserQuerySignature.check("sandbox-partner", "another-secret", "1697328000000", signature,
                AT, window)).isEqualTo(UserQuerySignature.Check.WRONG_SIGNATURE);
        assertThat(UserQuerySignature.check("sandbox-partner", "sandbox-partner-secret", "1697328000001", signature,
                AT, window)).isEqualTo(UserQuerySignature.Check.WRONG_SIGNATURE);
        assertThat(UserQuerySignature.check("sandbox-partner", "sandbox-partner-secret", null, signature,
                AT, window)).isEqualTo(UserQuerySignature.Check.MISSING);
    }

    @Test
    void signStringSortsTheFieldsLeavesOutEmptyOnesAndEndsWithTheAppSecret() {
        // python3: "&".join(k+"="+f[k] for k in sorted(f) if f[k]) + "&key=" + secret
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", "2.0.1");
        fields.put("timestamp", "1697328000000");
        fields.put("signType", "SM2");
        fields.put("encType", "SM4");
        fields.put("data", "{\"psn_no\":\"14112100000000000012\"}");
        fields.put("appId", APP_ID);
        fields.put("signData", "");
        assertThat(SignString.of(fields, APP_SECRET)).isEqualTo("appId=SANDBOX-MIP-APP-0001"
                + "&data={\"psn_no\":\"14112100000000000012\"}&encType=SM4&signType=SM2&timestamp=1697328000000"
                + "&version=2.0.1&key=sandbox-app-secret-2023");
    }

    @Test
    void anOpenSslSm2SignatureWithTheDefaultUserIdVerifies() {
        // printf '%s' "$SIGN_STRING" > s.txt
        // openssl dgst -sm3 -sign platform.pem -sigopt distid:1234567812345678 -out sig.bin s.txt && base64 -w0 sig.bin
        String message = ChannelEnvelope.signString(APP_ID, "{\"psn_no\":\"14112100000000000012\"}", "1697328000000",
                "2.0.1", APP_SECRET);
        String openssl = "MEUCIFviEo1z6EBPjVeRRPsARcLpNRehHmZr9juzHMJVp5BGAiEAoATBH/uv/OzkbRZ5ZUySXDHu/0ne/h0/9KDz0t1HeN0=";
        assertThat(Sm2Signatures.verify(message, openssl, PLATFORM_PUBLIC, Sm2Signatures.DEFAULT_USER_ID)).isTrue();
        assertThat(Sm2Signatures.verify(message, openssl, PLATFORM_PUBLIC, "another-user-id")).isFalse();
        assertThat(Sm2Signatures.verify(message, openssl, PORTAL_PUBLIC, Sm2Signatures.DEFAULT_USER_ID)).isFalse();
        assertThat(Sm2Signatures.verify(message.replace("0012", "0013"), openssl, PLATFORM_PUBLIC,
                Sm2Signatures.DEFAULT_USER_ID)).isFalse();
        assertThat(Sm2Signatures.verify(message, "not base64!", PLATFORM_PUBLIC, Sm2Signatures.DEFAULT_USER_ID)).isFalse();
    }

    @Test
    void ourSm2SignaturesVerifyAndThePublicKeyFollowsFromThePrivateOne() {
        assertThat(Sm2Signatures.publicKeyOf(PLATFORM_PRIVATE)).isEqualTo(PLATFORM_PUBLIC);
        String signature = Sm2Signatures.sign("appId=x&key=y", PORTAL_PRIVATE, Sm2Signatures.DEFAULT_USER_ID);
        assertThat(Sm2Signatures.verify("appId=x&key=y", signature, PORTAL_PUBLIC, Sm2Signatures.DEFAULT_USER_ID)).isTrue();
        assertThat(Sm2Signatures.verify("appId=x&key=y", signature, PORTAL_PUBLIC.substring(2),
                Sm2Signatures.DEFAULT_USER_ID)).as("public key without the 04 prefix").isTrue();
    }

    @Test
    void theDerivedSm4KeyAndTheCiphertextMatchOpenSsl() {
        // K=$(printf 'SANDBOX-MIP-APP-' | xxd -p)
        // printf 'sandbox-app-secret-2023' | openssl enc -sm4-ecb -K $K | xxd -p   → 2B3C18D03795FE39…, key = first 16
        byte[] key = Sm4Ecb.key(Sm4Ecb.KeySource.DERIVED, Sm4Ecb.Encoding.HEX, APP_ID, APP_SECRET, null);
        assertThat(new String(key, StandardCharsets.US_ASCII)).isEqualTo("2B3C18D03795FE39");
        // printf '{"psn_no":"14112100000000000012"}' | openssl enc -sm4-ecb -K $(printf 2B3C18D03795FE39 | xxd -p) | xxd -p
        byte[] plain = "{\"psn_no\":\"14112100000000000012\"}".getBytes(StandardCharsets.UTF_8);
        String hex = "91C02669D2D4851C4D83A17A493F64E7BAC6036856F6AB40EC1C45876134316AB57E95BF82B96D5ACE4EBD7A9BDC14AD";
        String base64 = "kcAmadLUhRxNg6F6ST9k57rGA2hW9qtA7BxFh2E0MWq1fpW/grltWs5OvXqb3BSt";
        assertThat(Sm4Ecb.Encoding.HEX.encode(Sm4Ecb.encrypt(key, plain))).isEqualTo(hex);
        assertThat(Sm4Ecb.Encoding.BASE64.encode(Sm4Ecb.encrypt(key, plain))).isEqualTo(base64);
        assertThat(Sm4Ecb.decrypt(key, Sm4Ecb.Encoding.HEX.decode(hex))).isEqualTo(plain);
        assertThat(Sm4Ecb.decrypt(key, Sm4Ecb.Encoding.BASE64.decode(base64))).isEqualTo(plain);
    }

    @Test
    void aConfiguredSm4KeyIsReadInTheConfiguredEncoding() {
        byte[] fromHex = Sm4Ecb.key(Sm4Ecb.KeySource.CONFIGURED, Sm4Ecb.Encoding.HEX, APP_ID, APP_SECRET,
                "32423343313844303337393546453339");
        byte[] fromBase64 = Sm4Ecb.key(Sm4Ecb.KeySource.CONFIGURED, Sm4Ecb.Encoding.BASE64, APP_ID, APP_SECRET,
                "MkIzQzE4RDAzNzk1RkUzOQ==");
        assertThat(new String(fromHex, StandardCharsets.US_ASCII)).isEqualTo("2B3C18D03795FE39");
        assertThat(fromBase64).isEqualTo(fromHex);
    }

    @Test
    void anEnvelopeSealedByOneSideOpensOnTheOtherInEitherEncoding() {
        for (Sm4Ecb.Encoding encoding : Sm4Ecb.Encoding.values()) {
            byte[] key = Sm4Ecb.key(Sm4Ecb.KeySource.DERIVED, encoding, APP_ID, APP_SECRET, null);
            ChannelEnvelope sealed = ChannelEnvelope.seal("{\"姓名\":\"王建国\"}", AT, platform(key, encoding));
            assertThat(sealed.encType()).isEqualTo("SM4");
            assertThat(sealed.signType()).isEqualTo("SM2");
            assertThat(sealed.timestamp()).isEqualTo("1697328000000");
            assertThat(sealed.open(AT.plusSeconds(5), Duration.ofMinutes(5), portal(key, encoding)))
                    .isEqualTo(new ChannelEnvelope.Opened("{\"姓名\":\"王建国\"}"));
        }
    }

    @Test
    void anEnvelopeWithAWrongSignatureAStaleTimestampOrAnotherAppIsRefused() {
        byte[] key = Sm4Ecb.key(Sm4Ecb.KeySource.DERIVED, Sm4Ecb.Encoding.HEX, APP_ID, APP_SECRET, null);
        ChannelEnvelope sealed = ChannelEnvelope.seal("{\"a\":1}", AT, platform(key, Sm4Ecb.Encoding.HEX));
        Duration window = Duration.ofMinutes(5);
        ChannelEnvelope.Keys portal = portal(key, Sm4Ecb.Encoding.HEX);

        ChannelEnvelope signedByAnother = new ChannelEnvelope(sealed.appId(), sealed.encData(), "SM4", "SM2",
                sealed.timestamp(), sealed.version(), Sm2Signatures.sign("whatever", PORTAL_PRIVATE, "1234567812345678"));
        assertThat(signedByAnother.open(AT, window, portal))
                .isEqualTo(new ChannelEnvelope.Refused(ChannelEnvelope.Reason.WRONG_SIGNATURE));
        ChannelEnvelope otherData = ChannelEnvelope.seal("{\"a\":2}", AT, platform(key, Sm4Ecb.Encoding.HEX));
        assertThat(new ChannelEnvelope(sealed.appId(), otherData.encData(), "SM4", "SM2", sealed.timestamp(),
                sealed.version(), sealed.signData()).open(AT, window, portal))
                .as("the data swapped under a valid signature")
                .isEqualTo(new ChannelEnvelope.Refused(ChannelEnvelope.Reason.WRONG_SIGNATURE));
        assertThat(sealed.open(AT.plus(Duration.ofMinutes(6)), window, portal))
                .isEqualTo(new ChannelEnvelope.Refused(ChannelEnvelope.Reason.STALE_TIMESTAMP));
        assertThat(new ChannelEnvelope("ANOTHER-APP-ID-0001", sealed.encData(), "SM4", "SM2", sealed.timestamp(),
                sealed.version(), sealed.signData()).open(AT, window, portal))
                .isEqualTo(new ChannelEnvelope.Refused(ChannelEnvelope.Reason.UNKNOWN_APP));
        assertThat(new ChannelEnvelope(sealed.appId(), "ZZ", "SM4", "SM2", sealed.timestamp(), sealed.version(),
                sealed.signData()).open(AT, window, portal))
                .isEqualTo(new ChannelEnvelope.Refused(ChannelEnvelope.Reason.UNREADABLE));
        assertThat(new ChannelEnvelope(sealed.appId(), sealed.encData(), "AES", "SM2", sealed.timestamp(),
                sealed.version(), sealed.signData()).open(AT, window, portal))
                .isEqualTo(new ChannelEnvelope.Refused(ChannelEnvelope.Reason.UNSUPPORTED_ALGORITHM));
    }

    static ChannelEnvelope.Keys platform(byte[] key, Sm4Ecb.Encoding encoding) {
        return new ChannelEnvelope.Keys(APP_ID, APP_SECRET, key, encoding, PLATFORM_PRIVATE, PORTAL_PUBLIC,
                Sm2Signatures.DEFAULT_USER_ID, "2.0.1");
    }

    static ChannelEnvelope.Keys portal(byte[] key, Sm4Ecb.Encoding encoding) {
        return new ChannelEnvelope.Keys(APP_ID, APP_SECRET, key, encoding, PORTAL_PRIVATE, PLATFORM_PUBLIC,
                Sm2Signatures.DEFAULT_USER_ID, "2.0.1");
    }
}
