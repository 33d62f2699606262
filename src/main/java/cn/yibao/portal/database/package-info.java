/**
 * Database infrastructure: embedded PostgreSQL for the sandbox and tests when no database is configured.
 * Schema changes live in Flyway migrations under {@code db/migration}.
 */
package cn.yibao.portal.database;
