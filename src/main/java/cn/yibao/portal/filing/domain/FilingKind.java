package cn.yibao.portal.filing.domain;

/** The two groups of the national rules (医保发〔2022〕22号). */
public enum FilingKind {
    /** 异地长期居住人员 */
    LONG_TERM,
    /** 临时外出就医人员 */
    TEMPORARY
}
