package cn.yibao.portal.benefit.api;

/** Whether care happened outside the insured area, and how it was filed (异地就医备案). */
public enum RemoteCare {
    /** In the insured area. */
    NONE,
    /** Out of area with a filing in force (long-term residence, referral…). */
    FILED,
    /** Out of area without a filing, or filed as an "other temporary" trip. */
    UNFILED_TEMPORARY
}
