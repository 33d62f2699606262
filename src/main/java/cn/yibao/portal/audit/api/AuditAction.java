package cn.yibao.portal.audit.api;

/** Names of audited actions, as stored in {@code audit_event.action}. */
public final class AuditAction {

    public static final String SIGN_IN = "SIGN_IN";
    public static final String SIGN_OUT = "SIGN_OUT";

    private AuditAction() {
    }
}
