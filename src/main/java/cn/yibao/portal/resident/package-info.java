/**
 * Residents: the insured person's record (ID number encrypted with a keyed lookup hash), households and family,
 * categories and assistance status; the resident home page and {@code GET /api/v1/me}.
 */
package cn.yibao.portal.resident;
