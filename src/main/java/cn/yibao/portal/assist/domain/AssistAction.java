package cn.yibao.portal.assist.domain;

import cn.yibao.portal.shared.Phrase;
import java.time.Instant;

/**
 * One thing done in an assisted session, as the resident's "代办记录" lists it: when, what, and the thing it created
 * or changed — its id, and for filings and payment orders their kind and number.
 */
public record AssistAction(Instant occurredAt, String action, String objectId, String outcome, String objectKind,
                           String objectNumber) {

    /** What was done, in words ({@code action} holds its code, see {@link AssistActions}). */
    public Phrase said() {
        return AssistActions.said(action);
    }

    /** The resident's own page of the thing, or null when there is none to show. */
    public String link() {
        if (objectId == null || objectKind == null) {
            return null;
        }
        return switch (objectKind) {
            case "FILING" -> "/filing/" + objectId;
            case "PAYMENT" -> "/payment/" + objectId;
            default -> null;
        };
    }
}
