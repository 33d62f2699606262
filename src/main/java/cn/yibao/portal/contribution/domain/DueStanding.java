package cn.yibao.portal.contribution.domain;

/**
 * What the amount a quote shows is. Only {@link #EXACT} is an amount a person owes, and only it may be charged: a
 * floor, a ceiling, a target, an average or a national figure standing in for a local one is information.
 */
public enum DueStanding {
    /** A published exact local amount after any published assistance (also 0 under full assistance). */
    EXACT("", "应缴金额"),
    /** 不低于: the region's own figure may be higher; the amount shown is the floor. */
    MINIMUM("不低于", "最低标准"),
    /** 不超过: the region's own figure may be lower. */
    MAXIMUM("不超过", "最高标准"),
    /** 约/左右: a target level. */
    APPROXIMATE("约", "大致标准"),
    /** 人均: an average over the region's grades or cities, not any one person's amount. */
    AVERAGE("人均", "人均标准"),
    /** The region publishes no figure of its own: the national standard, shown for information. */
    NATIONAL_STANDARD("全国标准", "全国标准"),
    /** The standard is an exact local amount, but the person's assisted-enrolment amount is not published. */
    ASSISTANCE_UNPUBLISHED("", "未扣除资助的标准");

    private final String words;
    private final String name;

    DueStanding(String words, String name) {
        this.words = words;
        this.name = name;
    }

    /** The words that stand before the amount in a headline ("不低于 380 元"); empty for an exact amount. */
    public String words() {
        return words;
    }

    /** What the figure shown is called ("最低标准", "全国标准"…). */
    public String shownAs() {
        return name;
    }
}
