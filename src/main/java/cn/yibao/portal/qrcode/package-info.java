/**
 * Signed codes (医保码, receipt, filing, prescription, pay link): issuing, verifying and revoking them, and drawing
 * them as SVG. Every code is one compact signed token for one purpose, verified only for that purpose.
 *
 * <p>Owns {@code revoked_code} ({@code V3}); signing keys come from {@code PORTAL_CODE_KEYS} (or the sandbox's key
 * file). Rules ({@code domain}): the token format and its checks ({@code CodeTokens}), {@code CodePurpose}.
 * {@code web} has the resident's code page and the public verification page and API (rate-limited).
 *
 * <p>API for other modules: {@code Codes} (issue, verify, revoke), {@code CodeSubjects} (each module says what its
 * codes show when verified), {@code QrImages}, {@code InsuredStatus}, and {@code CodePurpose}.
 */
package cn.yibao.portal.qrcode;
