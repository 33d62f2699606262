package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.policy.api.FigureKind;

/** How far a benefit figure can be relied on, in the documents' own terms, or that no document gives it. */
public enum Standing {
    /** A fixed figure. */
    EXACT,
    /** 不低于: a floor; the local figure may be higher. */
    MINIMUM,
    /** 不超过/最多: a ceiling; the local figure may be lower. */
    MAXIMUM,
    /** 左右/约: a target level, not a fixed per-bill figure. */
    APPROXIMATE,
    /** 平均: an average over bills or grades. */
    AVERAGE,
    /** The document leaves the figure to a lower level (e.g. each city), whose figure is not in the catalog. */
    LOCAL_CHOICE,
    /** No document on the region's path gives the figure. */
    UNPUBLISHED;

    static Standing of(FigureKind kind) {
        return switch (kind) {
            case EXACT -> EXACT;
            case MINIMUM -> MINIMUM;
            case MAXIMUM -> MAXIMUM;
            case APPROXIMATE -> APPROXIMATE;
            case AVERAGE -> AVERAGE;
            case LOCAL_CHOICE -> LOCAL_CHOICE;
        };
    }

    /** Whether the figure is a number the estimator can use at all. */
    public boolean hasFigure() {
        return this != LOCAL_CHOICE && this != UNPUBLISHED;
    }

    /** A level rather than a per-bill figure: an estimate using it is "about". */
    public boolean isApproximate() {
        return this == APPROXIMATE || this == AVERAGE;
    }
}
