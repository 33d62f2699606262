package cn.yibao.portal.benefit.api;

/** Where a bill was run up, which decides the rules that apply to it. */
public enum CareSetting {
    /** 住院 */
    INPATIENT,
    /** 普通门诊统筹 */
    OUTPATIENT,
    /** 两病（高血压、糖尿病）门诊用药 */
    TWO_DISEASE
}
