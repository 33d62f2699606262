package cn.yibao.portal.audit.domain;

import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.audit.domain.ChainReport.Broken;
import cn.yibao.portal.audit.domain.ChainReport.Problem;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks audit rows one at a time in id order, keeping only the previous row's hash, so that a table of any size is
 * verified in constant memory. Feed it every row; the first {@link Broken} is the answer.
 */
public final class ChainVerifier {

    private final Long anchoredAfterId;
    private byte[] expectedPrevious;
    private Long previousId;
    private long checked;

    /** @param anchor where the chain starts after purges, or {@code null} when nothing was ever purged */
    public ChainVerifier(ChainAnchor anchor) {
        this.anchoredAfterId = anchor == null ? null : anchor.purgedThroughId();
        this.expectedPrevious = anchor == null ? AuditRowHash.genesis() : anchor.lastHash();
    }

    public Optional<Broken> check(ChainedRow row) {
        if (!isHash(row.prevHash()) || !isHash(row.rowHash())) {
            return broken(row, Problem.MISSING_HASH, Phrase.of("audit.chain.missingHash"));
        }
        if (!MessageDigest.isEqual(expectedPrevious, row.prevHash())) {
            return broken(row, Problem.LINK_BROKEN, previousId == null
                    ? Phrase.of("audit.chain.linkBrokenAtStart", anchoredAfterId == null
                            ? Phrase.of("audit.chain.start.genesis") : Phrase.of("audit.chain.start.anchor", anchoredAfterId))
                    : Phrase.of("audit.chain.linkBroken", previousId));
        }
        if (!MessageDigest.isEqual(AuditRowHash.of(row), row.rowHash())) {
            return broken(row, Problem.CONTENT_CHANGED, Phrase.of("audit.chain.contentChanged"));
        }
        expectedPrevious = row.rowHash();
        previousId = row.id();
        checked++;
        return Optional.empty();
    }

    /** The report when no row was broken. */
    public ChainReport.Intact intact() {
        return new ChainReport.Intact(checked, previousId, HexFormat.of().formatHex(expectedPrevious), anchoredAfterId);
    }

    private Optional<Broken> broken(ChainedRow row, Problem problem, Phrase detail) {
        return Optional.of(new Broken(row.id(), problem, detail, checked));
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == AuditRowHash.LENGTH;
    }
}
