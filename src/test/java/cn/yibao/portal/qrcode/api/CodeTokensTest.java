package cn.yibao.portal.qrcode.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.qrcode.api.CodeTokens.Reason;
import cn.yibao.portal.qrcode.api.CodeTokens.Refused;
import cn.yibao.portal.qrcode.api.CodeTokens.Verified;
import cn.yibao.portal.qrcode.domain.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Properties over many random codes (fixed seed, so a failure can be replayed). */
class CodeTokensTest {

    private static final Instant NOW = Instant.parse("2023-10-15T02:00:00Z");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private final Random random = new Random(20231015);

    private SigningKey key(int id) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new SigningKey(id, secret);
    }

    private SignedCode randomCode(SigningKey key) {
        CodePurpose purpose = CodePurpose.values()[random.nextInt(CodePurpose.values().length)];
        return new SignedCode(purpose, new UUID(random.nextLong(), random.nextLong()), NOW,
                NOW.plus(Duration.ofSeconds(60 + random.nextInt(86_400))), random.nextInt(), key.id());
    }

    private static Set<CodePurpose> all() {
        return EnumSet.allOf(CodePurpose.class);
    }

    @Test
    void everyIssuedCodeVerifiesToWhatWasIssuedAndFitsASmallQrCode() {
        SigningKey key = key(1);
        for (int i = 0; i < 500; i++) {
            SignedCode code = randomCode(key);
            String token = CodeTokens.sign(code, key);

            assertThat(token).hasSize(63).matches("[A-Za-z0-9_-]+");
            assertThat(CodeTokens.verify(token, Map.of(1, key), NOW, all())).isEqualTo(new Verified(code));
        }
    }

    @Test
    void anySingleCharacterChangeIsAnInvalidSignature() {
        SigningKey key = key(1);
        for (int i = 0; i < 50; i++) {
            String token = CodeTokens.sign(randomCode(key), key);
            for (int position = 0; position < token.length(); position++) {
                char replacement;
                do {
                    replacement = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                } while (replacement == token.charAt(position));
                String tampered = token.substring(0, position) + replacement + token.substring(position + 1);

                assertThat(CodeTokens.verify(tampered, Map.of(1, key), NOW, all()))
                        .as("changed position %d", position)
                        .isEqualTo(new Refused(Reason.BAD_SIGNATURE, null));
            }
        }
    }

    @Test
    void aCodeSignedWithAnotherKeyIsAnInvalidSignature() {
        SigningKey ours = key(1);
        SigningKey theirs = key(1);
        String token = CodeTokens.sign(randomCode(theirs), theirs);

        assertThat(CodeTokens.verify(token, Map.of(1, ours), NOW, all())).isEqualTo(new Refused(Reason.BAD_SIGNATURE, null));
        assertThat(CodeTokens.verify(token, Map.of(), NOW, all())).isEqualTo(new Refused(Reason.BAD_SIGNATURE, null));
    }

    @Test
    void aCodeOfAnotherPurposeIsRefusedAsTheWrongPurpose() {
        SigningKey key = key(1);
        SignedCode receipt = new SignedCode(CodePurpose.RECEIPT, UUID.randomUUID(), NOW, NOW.plusSeconds(60), 7, 1);

        assertThat(CodeTokens.verify(CodeTokens.sign(receipt, key), Map.of(1, key), NOW, Set.of(CodePurpose.RESIDENT)))
                .isEqualTo(new Refused(Reason.WRONG_PURPOSE, receipt));
    }

    @Test
    void aCodeExpiresAtItsExpiryInstant() {
        SigningKey key = key(1);
        SignedCode code = new SignedCode(CodePurpose.RESIDENT, UUID.randomUUID(), NOW, NOW.plusSeconds(60), 7, 1);
        String token = CodeTokens.sign(code, key);

        assertThat(CodeTokens.verify(token, Map.of(1, key), NOW.plusSeconds(59), all())).isEqualTo(new Verified(code));
        assertThat(CodeTokens.verify(token, Map.of(1, key), NOW.plusSeconds(60), all()))
                .isEqualTo(new Refused(Reason.EXPIRED, code));
    }

    @Test
    void afterRotationTheNewKeySignsAndThePreviousStillVerifiesItsUnexpiredCodes() {
        SigningKey previous = key(1);
        SigningKey current = key(2);
        SignedCode old = new SignedCode(CodePurpose.FILING, UUID.randomUUID(), NOW, NOW.plusSeconds(3600), 1, 1);
        SignedCode fresh = new SignedCode(CodePurpose.FILING, UUID.randomUUID(), NOW, NOW.plusSeconds(3600), 2, 2);
        Map<Integer, SigningKey> keyring = Map.of(1, previous, 2, current);

        assertThat(CodeTokens.verify(CodeTokens.sign(old, previous), keyring, NOW, all())).isEqualTo(new Verified(old));
        assertThat(CodeTokens.verify(CodeTokens.sign(fresh, current), keyring, NOW, all())).isEqualTo(new Verified(fresh));
        assertThat(CodeTokens.verify(CodeTokens.sign(old, previous), Map.of(2, current), NOW, all()))
                .as("once the previous key is dropped").isEqualTo(new Refused(Reason.BAD_SIGNATURE, null));
    }

    @Test
    void garbageIsAnInvalidSignature() {
        SigningKey key = key(1);
        for (String garbage : new String[] {null, "", "abc", "x".repeat(63), "https://example.com/?t=1"}) {
            assertThat(CodeTokens.verify(garbage, Map.of(1, key), NOW, all())).isEqualTo(new Refused(Reason.BAD_SIGNATURE, null));
        }
    }
}
