/**
 * Imports from upstream: batch files of settlements, two-disease qualifications, e-prescriptions and
 * contributions collected elsewhere from the core medical-insurance platform, and assisted-enrolment lists from
 * civil affairs / rural revitalisation. Owns the tables of {@code V23__upstream_records.sql} and
 * {@code V32__upstream_corrections.sql} as their only writer. Everything upstream sent is kept in {@code upstream_*}
 * tables (with reversals, withdrawals and revocations); the benefit and prescription modules read the views
 * {@code settlement}, {@code contribution_record} and {@code two_disease_qualification}, which hold only the rows that
 * count.
 *
 * <p>{@code domain} holds the rules as plain functions: decoding (UTF-8, BOM), CSV and JSON Lines parsing (the JSON of a
 * line read by {@link cn.yibao.portal.upstream.FlatJson} with Jackson, which domain code may not use), each line's
 * field and cross-field rules, the people a batch names, and what a line would change in the stored data
 * ({@link cn.yibao.portal.upstream.domain.BatchRules}). {@link cn.yibao.portal.upstream.UpstreamImports} loads what
 * the rules need and stores a batch whole or not at all; {@code web} has the API and the staff page; {@code sandbox}
 * the demo feed.
 *
 * <p>API for other modules: none but the views above; other modules never call this one. It names other modules'
 * values in its rules ({@code Resident}, {@code AssistanceStatus}, {@code Disease}, {@code CareSetting}…).
 */
package cn.yibao.portal.upstream;
