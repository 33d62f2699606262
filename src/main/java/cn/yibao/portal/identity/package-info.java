/**
 * Identity: sign-in with the medical-insurance e-voucher (医保电子凭证) and staff sign-in; the mapping from issuer
 * claims to a signed-in person or staff member; sign-out (everywhere) and session rules; the security filter chains
 * (pages and the bearer-token JSON API). The {@code sandbox} sub-package runs the in-process sandbox issuer in the
 * sandbox profile (docs/adr/0006).
 *
 * <p>Owns no table. Rules ({@code domain}): claims mapping ({@code EvoucherClaims}, {@code StaffClaims}) and safe
 * return paths; the staff roles and powers ({@code StaffRole}, {@code StaffPowers}, {@code StaffRoutes}) are values in
 * {@code api}. ID numbers and the masks of personal data are shared values ({@code cn.yibao.portal.shared}).
 *
 * <p>API for other modules: {@code ResidentPrincipals}, {@code StaffPrincipals}, {@code StaffAccess},
 * {@code AssistedAccess}, {@code ResidentSignIn}, {@code StaffSignOutListener}, {@code DemoAccounts} (the sandbox's
 * demo people, which the resident module loads), and in {@code api} the values they carry ({@code EvoucherIdentity},
 * {@code StaffIdentity}, {@code StaffRole}, {@code StaffPowers}, {@code StaffRoutes}).
 */
package cn.yibao.portal.identity;
