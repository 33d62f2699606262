/**
 * Identity: sign-in with the medical-insurance e-voucher (医保电子凭证) and staff sign-in; the mapping from issuer
 * claims to a signed-in person or staff member; sign-out (everywhere) and session rules; the security filter chains
 * (pages and the bearer-token JSON API). The {@code sandbox} sub-package runs the in-process sandbox issuer in the
 * sandbox profile (docs/adr/0006).
 *
 * <p>Owns no table. Rules ({@code domain}): claims mapping ({@code EvoucherClaims}, {@code StaffClaims}), staff roles
 * and powers ({@code StaffRole}, {@code StaffPowers}, {@code StaffRoutes}), safe return paths, ID number validation
 * and masks.
 *
 * <p>API for other modules: {@code ResidentPrincipals}, {@code StaffPrincipals}, {@code StaffAccess},
 * {@code AssistedAccess}, {@code ResidentSignIn}, {@code StaffSignOutListener} and the values they carry
 * ({@code EvoucherIdentity}, {@code StaffIdentity}, {@code StaffRole}, {@code StaffPowers}, {@code StaffRoutes},
 * {@code PersonalDataMasks}).
 */
package cn.yibao.portal.identity;
