package cn.yibao.portal.identity.api;

/**
 * The roles the staff issuer's {@code roles} claim may grant. Each is a separate power: holding one says nothing
 * about the others (an auditor is not a help-desk worker).
 */
public enum StaffRole {
    /** 窗口经办: assisted sessions, cash at the counter, checking residents' codes, reviewing filings. */
    HELP_DESK,
    /** 支付运营: refunds, reconciling channel bills, orders a channel contradicted. */
    PAYMENT_OPERATOR,
    /** 审计: checking the audit trail's hash chain. */
    AUDITOR,
    /** 数据导入: upstream batch imports. */
    DATA_OPERATOR
    // Named to staff by the bundles' staff.role.<name>.
}
