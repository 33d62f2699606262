/**
 * Payment: orders for one or more people's contributions, idempotency keys, the status graph, channels (sandbox,
 * WeChat Pay, Alipay, cash at a counter), notifications, the sweeper, reconciliation against daily bills, refunds as
 * records, and e-receipts (PDF and receipt codes).
 *
 * <p>Owns {@code payment_order}, {@code payment_item}, {@code payment_event}, {@code payment_idempotency_key},
 * {@code payment_refund}, {@code payment_notification}, {@code reconciliation_run}, {@code reconciliation_mismatch},
 * {@code payment_order_no_seq}, and the sandbox channel's {@code sandbox_payment}, {@code sandbox_refund},
 * {@code sandbox_notification} ({@code V20}, {@code V22}, {@code V30}, {@code V40}). Rules ({@code domain}): the
 * status graph as a table ({@code PaymentTransitions}, docs/adr/0001), {@code OrderRules}, {@code IdempotencyRules}
 * and {@code NotificationRules} (docs/adr/0002), {@code RefundRules}, {@code Reconciliation}, {@code ChannelChoice}.
 * {@code channel} holds the channel adapters; {@code web} the pages, {@code /api/v1/payments}, the notification
 * endpoints and the operator desk.
 *
 * <p>API for other modules: {@code Payments} (what a person has paid, for coverage and standing).
 */
package cn.yibao.portal.payment;
