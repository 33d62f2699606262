/**
 * Database infrastructure: embedded PostgreSQL for the sandbox and tests when no database is configured, with the
 * same two roles as production (the owner migrates, the restricted {@code portal_app} role serves the application).
 * Schema changes live in Flyway migrations under {@code db/migration}.
 */
package cn.yibao.portal.database;
