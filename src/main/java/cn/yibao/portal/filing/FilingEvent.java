package cn.yibao.portal.filing;

import java.time.Instant;

/** One status change: when, from what to what, by whom (RESIDENT, STAFF, SYSTEM) and why. */
public record FilingEvent(Instant at, String from, String to, String actorType, String reason) {
}
