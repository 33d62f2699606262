/**
 * Remote-settlement filing (异地就医备案): a resident files for care outside their insured area (long-term residence,
 * referral, emergency, other temporary care), with the materials each type needs; staff review it; a filing code
 * shows it; filings expire.
 *
 * <p>Owns {@code filing}, {@code filing_material}, {@code filing_event} and {@code filing_number_seq}
 * ({@code V4}, {@code V5}). Rules ({@code domain}): {@code FilingRules} decides an application as a list of named
 * checks (医保发〔2022〕22号 as configurable data in {@code FilingTypeCatalog}); {@code FilingStatus} its life.
 * {@code web} has the resident's pages, the staff review pages and {@code /api/v1/filings}.
 *
 * <p>API for other modules: {@code FilingTypeCatalog} (the filing types and their rules, which the benefit module's
 * out-of-area reduction reads), the home notices and the code subjects it contributes.
 */
package cn.yibao.portal.filing;
