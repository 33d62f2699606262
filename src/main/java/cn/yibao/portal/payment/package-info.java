/**
 * Payment: orders, idempotency, the status graph, channels (sandbox, WeChat Pay, Alipay), notifications,
 * reconciliation, refunds and e-receipts. (Issue #4.)
 */
package cn.yibao.portal.payment;
