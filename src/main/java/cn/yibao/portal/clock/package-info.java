/**
 * The business clock: the one {@link java.time.Clock} (Asia/Shanghai) that every "today" in the portal uses.
 */
package cn.yibao.portal.clock;
