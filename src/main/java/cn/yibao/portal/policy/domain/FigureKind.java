package cn.yibao.portal.policy.domain;

/** How binding a figure is, in the document's own words. */
public enum FigureKind {
    /** A fixed figure. */
    EXACT,
    /** 不低于 / 达到: a floor; the local figure may be higher. */
    MINIMUM,
    /** 人均: an average over local grades. */
    AVERAGE,
    /** The document leaves it to each pooling area (no figure). */
    LOCAL_CHOICE
}
