/**
 * Identity: sign-in with the medical-insurance e-voucher (医保电子凭证) and, later, staff sign-in; the mapping from
 * issuer claims to a signed-in person; sign-out and session rules; the security filter chains (pages and the
 * bearer-token JSON API). The {@code sandbox} sub-package runs the in-process sandbox issuer in the sandbox profile.
 */
package cn.yibao.portal.identity;
