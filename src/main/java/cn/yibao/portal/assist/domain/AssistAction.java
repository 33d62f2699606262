package cn.yibao.portal.assist.domain;

import java.time.Instant;

/** One thing done in an assisted session, as the resident's "代办记录" lists it. */
public record AssistAction(Instant occurredAt, String action, String objectId, String outcome) {
}
