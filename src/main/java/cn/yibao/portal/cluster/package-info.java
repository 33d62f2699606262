/**
 * Running on more than one node behind a proxy: web sessions (with their CSRF tokens and OAuth2 authorization
 * requests) and rate limits in Redis when {@code spring.data.redis.*} is configured, in memory otherwise (the
 * single-node default needs nothing installed); a response header naming the node, for operators and the cluster
 * test. Scheduled jobs use row leases and {@code skip locked} in their own modules (docs/adr/0007).
 *
 * <p>Owns no table (Redis keys {@code portal:session:*}). No API: it configures the application.
 */
package cn.yibao.portal.cluster;
