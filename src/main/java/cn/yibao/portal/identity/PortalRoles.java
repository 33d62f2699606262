package cn.yibao.portal.identity;

/** Authorities the portal grants: from which issuer someone signed in, and a staff member's roles. */
public final class PortalRoles {

    public static final String RESIDENT = "RESIDENT";
    public static final String STAFF = "STAFF";
    /** Staff who may see payment reviews, import bills and refund (from the staff issuer's roles claim). */
    public static final String PAYMENT_OPERATOR = "PAYMENT_OPERATOR";
    /** Staff who may check the audit trail's integrity (a role from the staff issuer's {@code roles} claim). */
    public static final String AUDITOR = "AUDITOR";
    /** Staff who may import upstream batch files: settlements, prescriptions, assistance lists…, for their own region. */
    public static final String DATA_OPERATOR = "DATA_OPERATOR";
    public static final String STAFF_REGISTRATION = "staff";

    private PortalRoles() {
    }
}
