package cn.yibao.portal.filing.api;

import cn.yibao.portal.filing.domain.FilingKind;

/** Every national filing type. What each requires is data ({@link TypeRules}), not code. */
public enum FilingType {
    RETIRED_RELOCATED(FilingKind.LONG_TERM),
    LONG_TERM_RESIDENCE(FilingKind.LONG_TERM),
    RESIDENT_WORKING(FilingKind.LONG_TERM),
    REFERRAL(FilingKind.TEMPORARY),
    EMERGENCY(FilingKind.TEMPORARY),
    OTHER_TEMPORARY(FilingKind.TEMPORARY);

    private final FilingKind kind;

    FilingType(FilingKind kind) {
        this.kind = kind;
    }

    public FilingKind kind() {
        return kind;
    }
}
