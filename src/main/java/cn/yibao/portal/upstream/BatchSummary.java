package cn.yibao.portal.upstream;

import cn.yibao.portal.upstream.domain.ImportKind;
import java.time.Instant;
import java.util.UUID;

/** A stored batch as the operator's list shows it, with the region it belongs to. */
public record BatchSummary(UUID batchId, ImportKind kind, String fileName, int lines, int inserted, int updated,
                           int unchanged, String operator, String regionCode, Instant importedAt) {
}
