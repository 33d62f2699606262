package cn.yibao.portal.assist.web;

import cn.yibao.portal.assist.AssistSessions;
import org.springframework.http.HttpStatus;

/** The one place where an assisted session's refusal becomes an HTTP status, for the API and the desk page alike. */
final class AssistStatuses {

    private AssistStatuses() {
    }

    static HttpStatus of(AssistSessions.Refusal refusal) {
        return switch (refusal) {
            case BAD_INPUT -> HttpStatus.BAD_REQUEST;
            case OTHER_REGION -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_NOW -> HttpStatus.CONFLICT;
        };
    }
}
