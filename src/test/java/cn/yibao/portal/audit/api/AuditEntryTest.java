package cn.yibao.portal.audit.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.audit.api.AuditEntry.ActorType;
import cn.yibao.portal.audit.api.AuditEntry.Outcome;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditEntryTest {

    static AuditEntry withDetail(String detail) {
        return new AuditEntry(Instant.EPOCH, ActorType.RESIDENT, "r-1", null, "FAMILY_BIND", Outcome.FAILURE, null,
                null, detail, null, "req-12345678", null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "certno=14112119750312121X|certno=141***********121X",
            "bind 141121201209011414 failed|bind 141***********1414 failed",
            "lower case x 14112119750312121x|lower case x 141***********121x",
            // A mistyped check digit (X would be right) is still someone's number.
            "141121197503121219|141***********1219",
            "两个：371002198507163110、350102198008085120|两个：371***********3110、350***********5120"})
    void anythingShapedLikeAnIdNumberIsMaskedToTheFirst3AndLast4(String detail, String stored) {
        assertThat(withDetail(detail).detail()).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({
            // 20-digit 医保个人编号, filing number, UUID, 19 digits, an impossible birth date.
            "14112100000000000012",
            "YD2023101500000001",
            "member=0f0e0d0c-0b0a-4908-8706-050403020100 ACTIVE",
            "1411211975031212121",
            "141121197513121215"})
    void otherNumbersStayAsTheyAre(String detail) {
        assertThat(withDetail(detail).detail()).isEqualTo(detail);
    }

    @Test
    void everyFreeTextFieldIsGuardedNotOnlyTheDetail() {
        AuditEntry entry = new AuditEntry(Instant.EPOCH, ActorType.ANONYMOUS, "14112119750312121X", null, "SIGN_IN",
                Outcome.FAILURE, "10.0.0.1", "agent 14112119750312121X", null, "14112119750312121X",
                "14112119750312121X", UUID.randomUUID());

        assertThat(entry.actorId()).isEqualTo("141***********121X");
        assertThat(entry.userAgent()).isEqualTo("agent 141***********121X");
        assertThat(entry.objectId()).isEqualTo("141***********121X");
        assertThat(entry.requestId()).isEqualTo("141***********121X");
    }

    @Test
    void aLongDetailIsMaskedBeforeItIsCut() {
        String detail = "x".repeat(500) + "14112119750312121X";

        assertThat(withDetail(detail).detail()).hasSize(512).endsWith("141*********").doesNotContain("1975");
    }
}
