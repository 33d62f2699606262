package cn.yibao.portal.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The same key with the same request is the same order: "the same request" is a fingerprint of what decides it. */
class IdempotencyRulesTest {

    private static final String MEMBER = "5b0f6c9e-6d3a-4f43-9c7e-1f2b3c4d5e6f";
    private static final String OTHER_MEMBER = "0a1b2c3d-4e5f-4061-8172-93a4b5c6d7e8";

    private static byte[] fingerprint(int year, List<String> insured, PaymentChannelId channel, Integer grade) {
        return IdempotencyRules.fingerprint(year, insured, channel, grade);
    }

    @Test
    void theFingerprintDoesNotDependOnTheOrderOfThePeople() {
        assertThat(fingerprint(2024, List.of("SELF", MEMBER, OTHER_MEMBER), PaymentChannelId.SANDBOX, null))
                .isEqualTo(fingerprint(2024, List.of(OTHER_MEMBER, "SELF", MEMBER), PaymentChannelId.SANDBOX, null))
                .isEqualTo(fingerprint(2024, List.of(MEMBER, OTHER_MEMBER, "SELF"), PaymentChannelId.SANDBOX, null));
    }

    @Test
    void theSameRequestAlwaysGivesTheSameFingerprint() {
        assertThat(fingerprint(2024, List.of("SELF"), PaymentChannelId.SANDBOX, 2))
                .isEqualTo(fingerprint(2024, List.of("SELF"), PaymentChannelId.SANDBOX, 2))
                .hasSize(32);
    }

    @Test
    void anotherYearIsAnotherRequest() {
        assertThat(fingerprint(2024, List.of("SELF"), PaymentChannelId.SANDBOX, null))
                .isNotEqualTo(fingerprint(2025, List.of("SELF"), PaymentChannelId.SANDBOX, null));
    }

    @Test
    void anotherChannelIsAnotherRequest() {
        byte[] sandbox = fingerprint(2024, List.of("SELF"), PaymentChannelId.SANDBOX, null);
        assertThat(sandbox).isNotEqualTo(fingerprint(2024, List.of("SELF"), PaymentChannelId.WECHAT_PAY, null));
        assertThat(sandbox).isNotEqualTo(fingerprint(2024, List.of("SELF"), PaymentChannelId.ALIPAY, null));
    }

    @Test
    void otherPeopleAreAnotherRequest() {
        byte[] self = fingerprint(2024, List.of("SELF"), PaymentChannelId.SANDBOX, null);
        assertThat(self).isNotEqualTo(fingerprint(2024, List.of(MEMBER), PaymentChannelId.SANDBOX, null));
        assertThat(self).isNotEqualTo(fingerprint(2024, List.of("SELF", MEMBER), PaymentChannelId.SANDBOX, null));
        assertThat(fingerprint(2024, List.of("SELF", MEMBER), PaymentChannelId.SANDBOX, null))
                .isNotEqualTo(fingerprint(2024, List.of("SELF", OTHER_MEMBER), PaymentChannelId.SANDBOX, null));
    }

    @Test
    void aPersonNamedTwiceIsNotTheSameRequestAsNamedOnce() {
        assertThat(fingerprint(2024, List.of("SELF", "SELF"), PaymentChannelId.SANDBOX, null))
                .isNotEqualTo(fingerprint(2024, List.of("SELF"), PaymentChannelId.SANDBOX, null));
    }

    @Test
    void anotherGradeIsAnotherRequest() {
        assertThat(fingerprint(2024, List.of("SELF"), PaymentChannelId.SANDBOX, 1))
                .isNotEqualTo(fingerprint(2024, List.of("SELF"), PaymentChannelId.SANDBOX, 2))
                .isNotEqualTo(fingerprint(2024, List.of("SELF"), PaymentChannelId.SANDBOX, null));
    }

    @ParameterizedTest(name = "\"{0}\" is a usable key")
    @ValueSource(strings = {"abcd1234", "key-3f2a1c9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "A_b-C:d.E",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    void keysOfEightToSixtyFourSafeCharactersAreAccepted(String key) {
        assertThat(IdempotencyRules.isWellFormed(key)).isTrue();
    }

    @Test
    void aUuidIsAUsableKey() {
        assertThat(IdempotencyRules.isWellFormed(UUID.randomUUID().toString())).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"abc1234", "01234567890123456789012345678901234567890123456789012345678901234",
            "has space1", "key/with/slash", "钥匙钥匙钥匙钥匙", "key\nnewline", "key;drop--"})
    void otherKeysAreRefused(String key) {
        assertThat(IdempotencyRules.isWellFormed(key)).isFalse();
    }

    @Test
    void keysAreKeptForTwentyFourHours() {
        assertThat(IdempotencyRules.KEY_LIFETIME).isEqualTo(Duration.ofHours(24));
    }
}
