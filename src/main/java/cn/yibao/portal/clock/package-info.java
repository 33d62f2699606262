/**
 * The business clock: the one {@link java.time.Clock} (Asia/Shanghai) that every "today" in the portal uses; real
 * time in production, a configured business date running forward in the sandbox (docs/adr/0006).
 *
 * <p>Owns no table. API: {@code BusinessClock}.
 */
package cn.yibao.portal.clock;
