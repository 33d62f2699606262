package cn.yibao.portal.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.audit.domain.ChainReport.Broken;
import cn.yibao.portal.audit.domain.ChainReport.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    /** A sound chain of {@code count} rows with ids from {@code firstId}, linked from {@code start}. */
    static List<ChainedRow> chain(long firstId, int count, byte[] start) {
        List<ChainedRow> rows = new ArrayList<>();
        byte[] previous = start;
        for (long id = firstId; id < firstId + count; id++) {
            ChainedRow row = row(id, "row " + id, previous, null);
            row = row(id, "row " + id, previous, AuditRowHash.of(row));
            rows.add(row);
            previous = row.rowHash();
        }
        return rows;
    }

    static ChainedRow row(long id, String detail, byte[] prevHash, byte[] rowHash) {
        return new ChainedRow(id, Instant.parse("2026-11-22T06:00:00Z"), Instant.parse("2023-10-15T02:00:00Z"),
                "SYSTEM", "test", null, "TEST", "SUCCESS", null, null, detail, null, null, null, prevHash, rowHash);
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    static Optional<Broken> firstBreak(ChainVerifier verifier, List<ChainedRow> rows) {
        return rows.stream().map(verifier::check).flatMap(Optional::stream).findFirst();
    }

    @Test
    void aSoundChainIsIntactWithItsRowCountAndLastId() {
        ChainVerifier verifier = new ChainVerifier(null);

        List<ChainedRow> rows = chain(1, 5, AuditRowHash.genesis());

        assertThat(firstBreak(verifier, rows)).isEmpty();
        assertThat(verifier.intact()).isEqualTo(new ChainReport.Intact(5, 5L, hex(rows.get(4).rowHash()), null));
    }

    @Test
    void aChangedDetailIsNamedByItsRowId() {
        List<ChainedRow> rows = chain(1, 5, AuditRowHash.genesis());
        ChainedRow third = rows.get(2);
        rows.set(2, row(3, "row 3 changed", third.prevHash(), third.rowHash()));

        Broken broken = firstBreak(new ChainVerifier(null), rows).orElseThrow();

        assertThat(broken.rowId()).isEqualTo(3);
        assertThat(broken.problem()).isEqualTo(Problem.CONTENT_CHANGED);
        assertThat(broken.rowsBefore()).isEqualTo(2);
    }

    @Test
    void aRemovedRowBreaksTheLinkOfTheNextOne() {
        List<ChainedRow> rows = chain(1, 5, AuditRowHash.genesis());
        rows.remove(2);

        Broken broken = firstBreak(new ChainVerifier(null), rows).orElseThrow();

        assertThat(broken.rowId()).isEqualTo(4);
        assertThat(broken.problem()).isEqualTo(Problem.LINK_BROKEN);
        assertThat(cn.yibao.portal.text.RealBundles.zh(broken.detail())).contains("id 2");
    }

    @Test
    void aRowRehashedAfterItsChangeIsCaughtAtTheNextLink() {
        List<ChainedRow> rows = chain(1, 5, AuditRowHash.genesis());
        ChainedRow changed = row(3, "row 3 changed", rows.get(2).prevHash(), null);
        rows.set(2, row(3, "row 3 changed", changed.prevHash(), AuditRowHash.of(changed)));

        Broken broken = firstBreak(new ChainVerifier(null), rows).orElseThrow();

        assertThat(broken.rowId()).isEqualTo(4);
        assertThat(broken.problem()).isEqualTo(Problem.LINK_BROKEN);
    }

    @Test
    void afterAPurgeTheChainStartsAtTheAnchorAndNotAtZero() {
        List<ChainedRow> all = chain(1, 6, AuditRowHash.genesis());
        List<ChainedRow> kept = all.subList(3, 6);
        ChainAnchor anchor = new ChainAnchor(3, all.get(2).rowHash());

        ChainVerifier anchored = new ChainVerifier(anchor);
        assertThat(firstBreak(anchored, kept)).isEmpty();
        assertThat(anchored.intact()).isEqualTo(new ChainReport.Intact(3, 6L, hex(all.get(5).rowHash()), 3L));
        ChainVerifier nothingLeft = new ChainVerifier(anchor);
        assertThat(nothingLeft.intact()).isEqualTo(new ChainReport.Intact(0, null, hex(anchor.lastHash()), 3L));

        Broken withoutAnchor = firstBreak(new ChainVerifier(null), kept).orElseThrow();
        assertThat(withoutAnchor.rowId()).isEqualTo(4);
        assertThat(withoutAnchor.problem()).isEqualTo(Problem.LINK_BROKEN);
    }

    @Test
    void aMissingHashIsBrokenNotAnError() {
        List<ChainedRow> rows = chain(1, 2, AuditRowHash.genesis());
        rows.set(1, row(2, "row 2", rows.get(1).prevHash(), null));

        assertThat(firstBreak(new ChainVerifier(null), rows).orElseThrow().problem()).isEqualTo(Problem.MISSING_HASH);
    }
}
