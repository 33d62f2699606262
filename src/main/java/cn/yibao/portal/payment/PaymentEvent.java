package cn.yibao.portal.payment;

import java.time.Instant;

/** One status change of an order, with its cause. */
public record PaymentEvent(Instant occurredAt, String fromStatus, String toStatus, String cause, String detail) {
}
