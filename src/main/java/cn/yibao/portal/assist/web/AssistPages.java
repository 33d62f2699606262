package cn.yibao.portal.assist.web;

import cn.yibao.portal.assist.AssistSessions;
import cn.yibao.portal.assist.domain.AssistSession;
import cn.yibao.portal.assist.domain.AssistStatus;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.identity.AssistedAccess;
import cn.yibao.portal.identity.StaffPrincipals;
import cn.yibao.portal.identity.api.StaffRole;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.RequestValues;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The worker's desk ({@code /staff/assist}: start from the resident's code or by ID number and name, confirm the
 * one-time code, end) and the resident's side ({@code /assist/requests} to approve, {@code /assist/history},
 * "代办记录", to see and revoke). Once a session is active the worker's web session names it and the resident's
 * pages open for them, under the banner.
 */
@Configuration(proxyBeanMethods = false)
class AssistPages {

    private final AssistSessions sessions;
    private final CurrentResident currentResident;
    private final Pages pages;

    AssistPages(AssistSessions sessions, CurrentResident currentResident, Pages pages) {
        this.sessions = sessions;
        this.currentResident = currentResident;
        this.pages = pages;
    }

    @Bean
    RouterFunction<ServerResponse> assistPageRouter() {
        return RouterFunctions.route()
                .GET("/staff/assist", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff -> desk(request, Map.of(
                        "refused", request.queryParam("refused").filter(code -> code.equals("ended")
                                || code.equals("not-allowed")).orElse(""),
                        "ended", request.queryParam("ended").isPresent()))))
                .POST("/staff/assist/code", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff -> request.formData()
                        .flatMap(form -> sessions.startWithResidentCode(staff, form.getFirst("residentCode"),
                                RequestOrigin.of(request.exchange())))
                        .flatMap(outcome -> afterStart(request, outcome))))
                .POST("/staff/assist/request", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff -> request.formData()
                        .flatMap(form -> sessions.request(staff, form.getFirst("certno"), form.getFirst("name"),
                                RequestOrigin.of(request.exchange())))
                        .flatMap(outcome -> afterStart(request, outcome))))
                .POST("/staff/assist/{id}/code", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff -> withId(request)
                        .flatMap(id -> request.formData().flatMap(form -> sessions.confirmCode(staff, id,
                                form.getFirst("code"), RequestOrigin.of(request.exchange()))))
                        .flatMap(outcome -> afterStart(request, outcome))
                        .switchIfEmpty(Mono.defer(() -> notYours(request)))))
                .POST("/staff/assist/{id}/continue", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff -> withId(request)
                        .flatMap(id -> sessions.ofStaff(staff, id))
                        .flatMap(session -> afterStart(request, new AssistSessions.Started(session)))
                        .switchIfEmpty(Mono.defer(() -> notYours(request)))))
                .POST("/staff/assist/{id}/end", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff -> withId(request)
                        .flatMap(id -> sessions.endByStaff(staff, id, "STAFF", RequestOrigin.of(request.exchange())))
                        .flatMap(ended -> request.session()
                                .doOnNext(s -> s.getAttributes().remove(AssistedAccess.SESSION_ATTRIBUTE))
                                .then(ServerResponse.seeOther(URI.create("/staff/assist?ended")).build()))
                        .switchIfEmpty(Mono.defer(() -> notYours(request)))))
                .GET("/assist/requests", request -> currentResident.handle(request, me -> sessions.pendingFor(me)
                        .collectList().flatMap(pending -> pages.render(request, "assist/requests",
                                Map.of("requests", pending)))))
                .POST("/assist/requests/{id}/{answer}", request -> currentResident.handle(request, me -> withId(request)
                        .flatMap(id -> sessions.answer(me, id, "approve".equals(request.pathVariable("answer")),
                                RequestOrigin.of(request.exchange())))
                        .then(ServerResponse.seeOther(URI.create("/assist/history")).build())))
                .GET("/assist/history", request -> currentResident.handle(request, me -> sessions.historyOf(me)
                        .map(history -> history.stream()
                                .map(entry -> Map.of("session", entry.session(), "actions", entry.actions())).toList())
                        .flatMap(history -> pages.render(request, "assist/history", Map.of("history", history,
                                "revoked", request.queryParam("revoked").isPresent())))))
                .POST("/assist/history/{id}/revoke", request -> currentResident.handle(request, me -> withId(request)
                        .flatMap(id -> sessions.revokeByResident(me, id, RequestOrigin.of(request.exchange())))
                        .then(ServerResponse.seeOther(URI.create("/assist/history?revoked")).build())))
                .build();
    }

    private static Mono<UUID> withId(ServerRequest request) {
        return Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")));
    }

    /** Another worker's session, or none: nothing of it is shown or changed. */
    private Mono<ServerResponse> notYours(ServerRequest request) {
        return desk(request, Map.of("error", Phrase.of("assist.refused.notYours")), HttpStatus.NOT_FOUND);
    }

    /**
     * Active: the worker's session now names it and the resident's home page opens. Waiting: the desk says so.
     * Refused: the desk says why, with the refusal's status ({@link AssistStatuses}).
     */
    private Mono<ServerResponse> afterStart(ServerRequest request, AssistSessions.Outcome outcome) {
        if (outcome instanceof AssistSessions.Refused refused) {
            return desk(request, Map.of("error", refused.message()), AssistStatuses.of(refused.kind()));
        }
        AssistSession session = ((AssistSessions.Started) outcome).session();
        if (session.status() == AssistStatus.ACTIVE) {
            return request.session()
                    .doOnNext(web -> web.getAttributes().put(AssistedAccess.SESSION_ATTRIBUTE, session.id().toString()))
                    .then(ServerResponse.seeOther(URI.create("/home")).build());
        }
        return desk(request, Map.of("waiting", session));
    }

    private Mono<ServerResponse> desk(ServerRequest request, Map<String, Object> extra) {
        return desk(request, extra, HttpStatus.OK);
    }

    private Mono<ServerResponse> desk(ServerRequest request, Map<String, Object> extra, HttpStatus status) {
        Map<String, Object> model = new HashMap<>(extra);
        model.putIfAbsent("refused", "");
        model.putIfAbsent("ended", false);
        return pages.render(request, "staff/assist", model, status);
    }
}
