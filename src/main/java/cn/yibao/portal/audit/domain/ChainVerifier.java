package cn.yibao.portal.audit.domain;

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
            return broken(row, Problem.MISSING_HASH, "该行缺少 prev_hash 或 row_hash");
        }
        if (!MessageDigest.isEqual(expectedPrevious, row.prevHash())) {
            return broken(row, Problem.LINK_BROKEN, previousId == null
                    ? "prev_hash 与链的起点（" + (anchoredAfterId == null ? "全零" : "清理锚点 id " + anchoredAfterId)
                            + "）不一致：此前的记录被删除、插入或改写"
                    : "prev_hash 与上一行（id " + previousId + "）的 row_hash 不一致：两行之间的记录被删除或插入，或上一行被改写");
        }
        if (!MessageDigest.isEqual(AuditRowHash.of(row), row.rowHash())) {
            return broken(row, Problem.CONTENT_CHANGED, "row_hash 与该行内容不一致：该行在写入后被改动");
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

    private Optional<Broken> broken(ChainedRow row, Problem problem, String detail) {
        return Optional.of(new Broken(row.id(), problem, detail, checked));
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == AuditRowHash.LENGTH;
    }
}
