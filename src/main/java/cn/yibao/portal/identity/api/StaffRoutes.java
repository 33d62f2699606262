package cn.yibao.portal.identity.api;

import java.util.List;
import java.util.Optional;

/**
 * Every staff route, with the role it needs and how the region of what it acts on is found. The security
 * configuration grants each route to its role from this table and refuses every staff path that is not in it; the
 * handlers then check the object's region (they load the object) with {@link StaffPowers}; {@code StaffRoutesIT}
 * finds every route the portal declares and fails on a staff route missing here.
 *
 * <p>Requests a help-desk worker makes for a resident on the resident's own routes (an assisted session, 代办) are
 * not in the table: the assisted-session gate requires {@link StaffRole#HELP_DESK}, the worker's own active session
 * and the session's resident in the worker's region on every one of them ({@link #ASSISTED}).
 */
public final class StaffRoutes {

    /** How the region of the thing a route acts on is found. */
    public enum RegionOf {
        /** The staff member's own home page: nothing of anyone's. */
        NOTHING("nothing of anyone's: the staff home page"),
        /** A list or desk page: shows only things of the staff member's region and places inside it. */
        LISTS_OWN_REGION("a list: only things of the staff member's region and places inside it"),
        /** One deployment-wide thing without personal data (the audit chain). */
        WHOLE_DEPLOYMENT("one for the whole deployment, no personal data"),
        /** The insured region of the person a 医保码 or a prescription pickup code names. */
        CODE_HOLDER("the insured region of the person the insurance code (QR) or pickup code names"),
        /** The insured region of the resident named by their 医保码, or by ID number and name. */
        RESIDENT("the insured region of the resident named (insurance code, or ID number and name)"),
        /** The worker's own session; the session's resident must still be in the worker's region. */
        OWN_SESSION("the worker's own session, whose resident must be in the worker's region"),
        /** The filing's review region (the insured person's region). */
        FILING("the filing's review region"),
        /** The region of the order: its payer's insured region when it was placed. */
        ORDER("the order's region (its payer's insured region when placed)"),
        /** Each order a channel's bill names: orders of other regions are left alone and only counted. */
        ORDERS_IN_BILL("each order the bill names; other regions' orders are left alone and only counted"),
        /** The insured region of the person each import line names. */
        IMPORT_LINES("the insured region of the person each line names");

        private final String description;

        RegionOf(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * One staff route: {@code role} null means any staff member. {@code publicRoute}: the route also serves
     * everyone (code verification); only its staff part — what a 医保码 or pickup code says about a person — needs
     * the role, and the handler decides.
     */
    public record StaffRoute(String method, String path, StaffRole role, RegionOf regionOf, boolean publicRoute) {

        public String route() {
            return method + " " + path;
        }

        public boolean api() {
            return path.startsWith("/api/");
        }
    }

    /** Resident routes used in an assisted session: the help desk's, for the session's resident only. */
    public static final StaffRole ASSISTED = StaffRole.HELP_DESK;

    /** Path prefixes only staff reach; any path under them that is not in the table is refused. */
    public static final List<String> STAFF_PATHS = List.of("/staff", "/staff/**", "/api/v1/staff/**",
            "/api/v1/admin/**", "/api/v1/assist/sessions", "/api/v1/assist/sessions/**");

    private static final StaffRole HELP_DESK = StaffRole.HELP_DESK;
    private static final StaffRole PAYMENTS = StaffRole.PAYMENT_OPERATOR;
    private static final StaffRole IMPORTS = StaffRole.DATA_OPERATOR;

    public static final List<StaffRoute> ROUTES = List.of(
            staff("GET", "/staff", null, RegionOf.NOTHING),
            // The help desk: checking codes at the counter, assisted sessions (代办), filing reviews.
            staff("POST", "/staff/verify", HELP_DESK, RegionOf.CODE_HOLDER),
            staff("POST", "/staff/verify/image", HELP_DESK, RegionOf.CODE_HOLDER),
            open("POST", "/api/v1/codes/verify", HELP_DESK, RegionOf.CODE_HOLDER),
            open("GET", "/verify", HELP_DESK, RegionOf.CODE_HOLDER),
            staff("GET", "/staff/assist", HELP_DESK, RegionOf.LISTS_OWN_REGION),
            staff("POST", "/staff/assist/code", HELP_DESK, RegionOf.RESIDENT),
            staff("POST", "/staff/assist/request", HELP_DESK, RegionOf.RESIDENT),
            staff("POST", "/staff/assist/{id}/code", HELP_DESK, RegionOf.OWN_SESSION),
            staff("POST", "/staff/assist/{id}/continue", HELP_DESK, RegionOf.OWN_SESSION),
            staff("POST", "/staff/assist/{id}/end", HELP_DESK, RegionOf.OWN_SESSION),
            staff("POST", "/api/v1/assist/sessions", HELP_DESK, RegionOf.RESIDENT),
            staff("POST", "/api/v1/assist/sessions/{id}/code", HELP_DESK, RegionOf.OWN_SESSION),
            staff("DELETE", "/api/v1/assist/sessions/{id}", HELP_DESK, RegionOf.OWN_SESSION),
            staff("GET", "/staff/filings", HELP_DESK, RegionOf.LISTS_OWN_REGION),
            staff("GET", "/staff/filings/{id}", HELP_DESK, RegionOf.FILING),
            staff("GET", "/staff/filings/{id}/materials/{material}", HELP_DESK, RegionOf.FILING),
            staff("POST", "/staff/filings/{id}/decision", HELP_DESK, RegionOf.FILING),
            // The payment operator: refunds (two steps), reconciliation, orders a channel contradicted.
            staff("GET", "/staff/payments", PAYMENTS, RegionOf.LISTS_OWN_REGION),
            staff("POST", "/staff/payments/reconciliations", PAYMENTS, RegionOf.ORDERS_IN_BILL),
            staff("POST", "/staff/payments/refunds", PAYMENTS, RegionOf.ORDER),
            staff("POST", "/staff/payments/refunds/confirm", PAYMENTS, RegionOf.ORDER),
            staff("POST", "/api/v1/staff/payments/reconciliations", PAYMENTS, RegionOf.ORDERS_IN_BILL),
            staff("GET", "/api/v1/staff/payments/flagged", PAYMENTS, RegionOf.LISTS_OWN_REGION),
            staff("POST", "/api/v1/staff/payments/{orderNo}/refund/preview", PAYMENTS, RegionOf.ORDER),
            staff("POST", "/api/v1/staff/payments/{orderNo}/refund", PAYMENTS, RegionOf.ORDER),
            // The data operator: upstream imports.
            staff("GET", "/staff/imports", IMPORTS, RegionOf.LISTS_OWN_REGION),
            staff("POST", "/staff/imports", IMPORTS, RegionOf.IMPORT_LINES),
            staff("GET", "/api/v1/admin/imports", IMPORTS, RegionOf.LISTS_OWN_REGION),
            staff("POST", "/api/v1/admin/imports/{kind}", IMPORTS, RegionOf.IMPORT_LINES),
            // The auditor: the audit trail's hash chain.
            staff("GET", "/api/v1/staff/audit/chain", StaffRole.AUDITOR, RegionOf.WHOLE_DEPLOYMENT));

    private StaffRoutes() {
    }

    private static StaffRoute staff(String method, String path, StaffRole role, RegionOf regionOf) {
        return new StaffRoute(method, path, role, regionOf, false);
    }

    private static StaffRoute open(String method, String path, StaffRole role, RegionOf regionOf) {
        return new StaffRoute(method, path, role, regionOf, true);
    }

    /** The table's line for a route as the route catalog names it ("POST /staff/filings/{id}/decision"). */
    public static Optional<StaffRoute> line(String route) {
        return ROUTES.stream().filter(line -> line.route().equals(route)).findFirst();
    }
}
