package cn.yibao.portal.assist.web;

import cn.yibao.portal.assist.AssistSessions;
import cn.yibao.portal.assist.domain.AssistSession;
import cn.yibao.portal.assist.domain.AssistStatus;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.identity.StaffPrincipals;
import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.identity.api.StaffRole;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.JsonBodies;
import cn.yibao.portal.web.JsonBody;
import cn.yibao.portal.web.ProblemResponses;
import cn.yibao.portal.web.RequestValues;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/assist/…}: staff start and end sessions (staff bearer); residents see and answer requests and read
 * their history (resident bearer). Acting for the resident then uses the resident endpoints with the staff bearer
 * and {@code X-Assist-Session}.
 */
@Configuration(proxyBeanMethods = false)
class AssistApiRoutes {

    private final AssistSessions sessions;
    private final CurrentResident currentResident;

    AssistApiRoutes(AssistSessions sessions, CurrentResident currentResident) {
        this.sessions = sessions;
        this.currentResident = currentResident;
    }

    @Bean
    RouterFunction<ServerResponse> assistApiRouter() {
        return RouterFunctions.route()
                .POST("/api/v1/assist/sessions", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff ->
                        JsonBodies.read(request, StartBody.class, body -> start(staff, body, request)
                                .flatMap(outcome -> answer(request, outcome, HttpStatus.CREATED)))))
                .POST("/api/v1/assist/sessions/{id}/code", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff ->
                        JsonBodies.read(request, CodeBody.class, body -> body.code() == null
                                ? ProblemResponses.response(HttpStatus.BAD_REQUEST,
                                        Phrase.of("assist.refused.code.none"), "code")
                                : withId(request, id -> sessions.confirmCode(staff,
                                        id, body.code(), RequestOrigin.of(request.exchange())))
                                .flatMap(outcome -> answer(request, outcome, HttpStatus.OK))
                                .switchIfEmpty(Mono.defer(() -> notFound(request))))))
                .DELETE("/api/v1/assist/sessions/{id}", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff -> withId(request, id ->
                                sessions.endByStaff(staff, id, "STAFF", RequestOrigin.of(request.exchange())))
                        .flatMap(outcome -> answer(request, outcome, HttpStatus.OK))
                        .switchIfEmpty(Mono.defer(() -> notFound(request)))))
                .GET("/api/v1/assist/requests", request -> currentResident.handle(request, me -> sessions.pendingFor(me)
                        .map(pending -> new RequestView(pending.session().id(), pending.session().staffNameMasked(),
                                pending.session().servicePoint(), pending.session().createdAt(),
                                pending.session().requestExpiresAt(), pending.oneTimeCode()))
                        .collectList().flatMap(list -> ServerResponse.ok().bodyValue(list))))
                .POST("/api/v1/assist/requests/{id}/approve", request -> answerRequest(request, true))
                .POST("/api/v1/assist/requests/{id}/decline", request -> answerRequest(request, false))
                .GET("/api/v1/assist/history", request -> currentResident.handle(request, me -> sessions.historyOf(me)
                        .map(history -> history.stream().map(entry -> HistoryView.of(entry.session(),
                                entry.actions().stream().map(action -> new ActionView(action.occurredAt(),
                                        RequestWords.say(request, action.said()), action.objectId(), action.objectKind(), action.objectNumber(),
                                        action.outcome())).toList())).toList())
                        .flatMap(list -> ServerResponse.ok().bodyValue(list))))
                .POST("/api/v1/assist/history/{id}/revoke", request -> currentResident.handle(request, me ->
                        withId(request, id -> sessions.revokeByResident(me, id, RequestOrigin.of(request.exchange())))
                                .flatMap(outcome -> answer(request, outcome, HttpStatus.OK))
                                .switchIfEmpty(Mono.defer(() -> notFound(request)))))
                .build();
    }

    @JsonBody(route = "POST /api/v1/assist/sessions", example = "{\"certno\": \"141121196004152121\", \"name\": \"刘桂芳\"}",
            optional = {"residentCode", "certno", "name"})
    record StartBody(String residentCode, String certno, String name) {
    }

    @JsonBody(route = "POST /api/v1/assist/sessions/{id}/code", example = "{\"code\": \"123456\"}")
    record CodeBody(String code) {
    }

    /** From the resident's 医保码, or a request the resident answers (ID number and name). */
    private Mono<AssistSessions.Outcome> start(StaffIdentity staff, StartBody body, ServerRequest request) {
        RequestOrigin origin = RequestOrigin.of(request.exchange());
        if (body.residentCode() != null) {
            return sessions.startWithResidentCode(staff, body.residentCode(), origin);
        }
        if (body.certno() == null && body.name() == null) {
            return Mono.just(new AssistSessions.Refused(AssistSessions.Refusal.BAD_INPUT, "body", Phrase.of("assist.refused.body")));
        }
        return sessions.request(staff, body.certno(), body.name(), origin);
    }

    record SessionView(UUID sessionId, String status, Instant expiresAt) {

        static SessionView of(AssistSession session) {
            return new SessionView(session.id(), session.status().name(),
                    session.status() == AssistStatus.AWAITING_RESIDENT ? session.requestExpiresAt() : session.expiresAt());
        }
    }

    record RequestView(UUID id, String staffName, String servicePoint, Instant requestedAt, Instant expiresAt,
                       String oneTimeCode) {
    }

    /** {@code objectKind} FILING or PAYMENT and {@code objectNumber} (filing or order number) when the action made one. */
    record ActionView(Instant at, String action, String objectId, String objectKind, String objectNumber,
                      String outcome) {
    }

    record HistoryView(UUID sessionId, String staffName, String servicePoint, String consent, String status,
                       Instant requestedAt, Instant startedAt, Instant endedAt, String endedBy, List<ActionView> actions) {

        static HistoryView of(AssistSession session, List<ActionView> actions) {
            return new HistoryView(session.id(), session.staffNameMasked(), session.servicePoint(), session.consent(),
                    session.status().name(), session.createdAt(), session.startedAt(), session.endedAt(),
                    session.endedBy(), actions);
        }
    }

    private Mono<ServerResponse> answerRequest(ServerRequest request, boolean approve) {
        return currentResident.handle(request, me -> withId(request, id -> sessions.answer(me, id, approve,
                        RequestOrigin.of(request.exchange())))
                .flatMap(outcome -> answer(request, outcome, HttpStatus.OK))
                .switchIfEmpty(Mono.defer(() -> notFound(request))));
    }

    private static <T> Mono<T> withId(ServerRequest request, Function<UUID, Mono<T>> action) {
        return Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id"))).flatMap(action);
    }

    static Mono<ServerResponse> answer(ServerRequest request, AssistSessions.Outcome outcome, HttpStatus success) {
        if (outcome instanceof AssistSessions.Refused refused) {
            return ProblemResponses.response(AssistStatuses.of(refused.kind()), refused.message(), refused.field());
        }
        return ServerResponse.status(success).bodyValue(SessionView.of(((AssistSessions.Started) outcome).session()));
    }


    private static Mono<ServerResponse> notFound(ServerRequest request) {
        return ProblemResponses.response(HttpStatus.NOT_FOUND, Phrase.of("assist.cannot.none"),
                null);
    }
}
