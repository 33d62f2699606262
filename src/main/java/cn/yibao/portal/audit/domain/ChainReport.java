package cn.yibao.portal.audit.domain;

import cn.yibao.portal.shared.Phrase;
/** The outcome of checking the audit chain: whole, or the first row where it breaks. */
public sealed interface ChainReport {

    /**
     * Every row checked links to the one before and matches its content.
     *
     * @param headHash the hash the next row will link to (hex); kept outside the database, it shows a later wholesale
     *                 rewrite of the chain, which the chain alone cannot
     */
    record Intact(long rows, Long lastId, String headHash, Long anchoredAfterId) implements ChainReport {
    }

    /** The first row that does not fit, and why; {@code rowsBefore} rows before it were fine. */
    record Broken(long rowId, Problem problem, Phrase detail, long rowsBefore) implements ChainReport {
    }

    enum Problem {
        /** prev_hash or row_hash is missing or not 32 bytes long. */
        MISSING_HASH,
        /** prev_hash is not the previous row's row_hash (or the anchor): a row was removed, inserted or re-hashed. */
        LINK_BROKEN,
        /** row_hash does not match the row's fields: the row was changed after it was written. */
        CONTENT_CHANGED
    }
}
