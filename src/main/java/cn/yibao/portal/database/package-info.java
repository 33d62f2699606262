/**
 * Database infrastructure: embedded PostgreSQL for the sandbox and tests when no database is configured, with the
 * same two roles as production (the owner migrates, the restricted {@code portal_app} role serves the application;
 * docs/adr/0004), and connection discipline (a request holds one pooled connection at a time).
 *
 * <p>Owns no table; schema changes live in Flyway migrations under {@code db/migration}. API for other modules:
 * {@code ConnectionScope} (transactions), {@code InTurn} (queries one after another on one connection) and
 * {@code SandboxKeyFile} (keys kept in the sandbox's data directory).
 */
package cn.yibao.portal.database;
