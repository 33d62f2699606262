package cn.yibao.portal.policy.api;

/** How binding a figure is, in the document's own words. */
public enum FigureKind {
    /** A fixed figure. */
    EXACT,
    /** 不低于 / 达到: a floor; the local figure may be higher. */
    MINIMUM,
    /** 不超过 / 最多: a ceiling; the local figure may be lower. */
    MAXIMUM,
    /** 左右 / 约: a target level, not a fixed per-bill figure (e.g. "稳定在70%左右"). */
    APPROXIMATE,
    /** 人均 / 平均: an average over local grades or over bills. */
    AVERAGE,
    /** The document leaves it to each pooling area (no figure). */
    LOCAL_CHOICE
}
