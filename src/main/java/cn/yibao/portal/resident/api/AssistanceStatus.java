package cn.yibao.portal.resident.api;

/** Assisted-enrolment groups (资助参保) named in 文医保发〔2023〕10号; NONE for everyone else. */
public enum AssistanceStatus {
    NONE,
    /** 特困人员 */
    EXTREME_POVERTY,
    /** 低保对象 */
    MINIMUM_LIVING,
    /** 返贫致贫人口 */
    RELAPSED_POVERTY,
    /** 乡村振兴部门监测对象 */
    MONITORED
}
