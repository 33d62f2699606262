package cn.yibao.portal.filing.domain;

/** Materials a filing may need. The e-voucher sign-in and the online form stand for the ID card and the paper form. */
public enum Material {
    /** 居住证明（居住证、户口簿、房产或租赁证明等） */
    RESIDENCE_PROOF,
    /** 转诊证明 */
    REFERRAL_CERTIFICATE,
    /** 工作证明 */
    WORK_PROOF
}
