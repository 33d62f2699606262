package cn.yibao.portal.filing.domain;

import java.util.Map;
import java.util.Set;

/** The lifecycle, as a table of allowed changes: every change goes through {@link #canBecome}. */
public enum FilingStatus {
    SUBMITTED, UNDER_REVIEW, EFFECTIVE, REJECTED, CANCELLED, EXPIRED;

    private static final Map<FilingStatus, Set<FilingStatus>> NEXT = Map.of(
            SUBMITTED, Set.of(EFFECTIVE, UNDER_REVIEW),
            UNDER_REVIEW, Set.of(EFFECTIVE, REJECTED, CANCELLED),
            EFFECTIVE, Set.of(CANCELLED, EXPIRED),
            REJECTED, Set.of(),
            CANCELLED, Set.of(),
            EXPIRED, Set.of());

    public boolean canBecome(FilingStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Counts when looking for overlapping filings: in force, or about to be. */
    public boolean isOpen() {
        return this == UNDER_REVIEW || this == EFFECTIVE || this == SUBMITTED;
    }
}
