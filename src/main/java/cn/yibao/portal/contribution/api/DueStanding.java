package cn.yibao.portal.contribution.api;

import cn.yibao.portal.shared.Phrase;

/**
 * What the amount a quote shows is. Only {@link #EXACT} is an amount a person owes, and only it may be charged: a
 * floor, a ceiling, a target, an average or a national figure standing in for a local one is information.
 */
public enum DueStanding {
    /** A published exact local amount after any published assistance (also 0 under full assistance). */
    EXACT,
    /** 不低于: the region's own figure may be higher; the amount shown is the floor. */
    MINIMUM,
    /** 不超过: the region's own figure may be lower. */
    MAXIMUM,
    /** 约/左右: a target level. */
    APPROXIMATE,
    /** 人均: an average over the region's grades or cities, not any one person's amount. */
    AVERAGE,
    /** The region publishes no figure of its own: the national standard, shown for information. */
    NATIONAL_STANDARD,
    /** The standard is an exact local amount, but the person's assisted-enrolment amount is not published. */
    ASSISTANCE_UNPUBLISHED;

    /** The words that stand before the amount in a headline ("不低于 380 元"); empty for an exact amount. */
    public Object words() {
        return this == EXACT || this == ASSISTANCE_UNPUBLISHED ? "" : Phrase.of("quote.standing." + name());
    }

    /** What the figure shown is called ("最低标准", "全国标准"…). */
    public Phrase shownAs() {
        return Phrase.of("contribution.shownAs." + name());
    }
}
