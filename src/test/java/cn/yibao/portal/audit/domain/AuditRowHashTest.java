package cn.yibao.portal.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditRowHashTest {

    static ChainedRow row(long id, String detail, byte[] prevHash) {
        return new ChainedRow(id, Instant.parse("2026-11-22T06:00:00.123456Z"), Instant.parse("2023-10-15T02:00:00Z"),
                "STAFF", "S371000001", UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100"), "CODE_VERIFY",
                "SUCCESS", "127.0.0.1", null, detail, null, "req-12345678", null, prevHash, null);
    }

    @Test
    void everyFieldInAFixedOrderLengthPrefixedInUtf8BytesWithADashForNull() {
        assertThat(AuditRowHash.canonical(row(42, "RESIDENT 已过期", AuditRowHash.genesis()))).isEqualTo("""
                audit_event/v1
                2:42
                16:1795327200123456
                16:1697335200000000
                5:STAFF
                10:S371000001
                36:0f0e0d0c-0b0a-4908-8706-050403020100
                11:CODE_VERIFY
                7:SUCCESS
                9:127.0.0.1
                -
                18:RESIDENT 已过期
                -
                12:req-12345678
                -""");
    }

    @Test
    void theHashCoversThePreviousHashAndTheText() {
        byte[] genesis = AuditRowHash.genesis();
        byte[] first = AuditRowHash.of(row(42, "a", genesis));

        // sha256(32 zero bytes || canonical text), computed outside Java (Python's hashlib).
        assertThat(HexFormat.of().formatHex(first))
                .isEqualTo("dc2cefae933a6973831a1133a7b26eb7fee37d5b209d4a47f1360969b21759cb");
        assertThat(AuditRowHash.of(row(42, "b", genesis))).isNotEqualTo(first);
        assertThat(AuditRowHash.of(row(42, "a", first))).isNotEqualTo(first);
        assertThat(AuditRowHash.of(row(43, "a", genesis))).isNotEqualTo(first);
    }

    @Test
    void aNewlineInsideAValueCannotPassForAFieldBoundary() {
        ChainedRow shifted = new ChainedRow(1, null, null, "A", "x\n1:y", null, null, null, null, null, null, null,
                null, null, new byte[32], null);
        ChainedRow split = new ChainedRow(1, null, null, "A", "x", null, "y", null, null, null, null, null, null,
                null, new byte[32], null);

        assertThat(AuditRowHash.canonical(shifted)).isNotEqualTo(AuditRowHash.canonical(split));
    }
}
