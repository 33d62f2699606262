package cn.yibao.portal.contribution.domain;

/** How a person comes to enrol for the benefit year. */
public enum Enrolment {
    /** Within the collection window (集中征缴期). */
    REGULAR,
    /** Left employee insurance, the army or prison (退出其他制度保障): may enrol after the window for a while. */
    LEFT_OTHER_SCHEME,
    /** Hukou moved in from another pooling area after the window (跨统筹区迁入). */
    MOVED_IN,
    /** Newborn (新生儿落地参保). */
    NEWBORN
}
