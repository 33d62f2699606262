package cn.yibao.portal.prescription.api;

/** The two diseases (两病) of the outpatient-medication scheme. */
public enum Disease {
    /** 高血压 */
    HYPERTENSION,
    /** 糖尿病 */
    DIABETES
}
