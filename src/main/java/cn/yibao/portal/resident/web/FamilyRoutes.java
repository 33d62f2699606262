package cn.yibao.portal.resident.web;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.api.Relation;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.JsonBodies;
import cn.yibao.portal.web.JsonBody;
import cn.yibao.portal.web.KeptForms;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.ProblemResponses;
import cn.yibao.portal.web.RequestValues;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** "我的家庭" and {@code /api/v1/family…}: see, bind, unbind family members; answer invitations. */
@Configuration(proxyBeanMethods = false)
class FamilyRoutes {

    private static final java.util.Set<String> DONE = java.util.Set.of("bound", "invited", "unbound", "accepted",
            "declined", "rebound");

    private final CurrentResident currentResident;
    private final Family family;
    private final Pages pages;

    FamilyRoutes(CurrentResident currentResident, Family family, Pages pages) {
        this.currentResident = currentResident;
        this.family = family;
        this.pages = pages;
    }

    @Bean
    RouterFunction<ServerResponse> familyRouter() {
        return RouterFunctions.route()
                .GET("/family", request -> asResident(request, me -> KeptForms.take(request)
                        .flatMap(kept -> page(request, me, kept.isEmpty() ? Map.of()
                                : Map.of("bindForm", kept, "restored", true)))))
                .POST("/family/bind", request -> asResident(request, me -> bindFromForm(request, me)))
                .POST("/family/{memberId}/unbind", request -> asResident(request, me -> unbindFromForm(request, me)))
                .POST("/family/{memberId}/rebind", request -> asResident(request, me -> rebindFromForm(request, me)))
                .POST("/family/invitations/{id}/{answer}", request -> asResident(request, me -> answerFromForm(request, me)))
                .GET("/api/v1/family", request -> asResident(request, me -> family.overviewOf(me)
                        .flatMap(overview -> ServerResponse.ok().bodyValue(FamilyResponse.of(overview)))))
                .POST("/api/v1/family", request -> asResident(request, me -> bindFromJson(request, me)))
                .DELETE("/api/v1/family/{memberId}", request -> asResident(request, me -> unbindApi(request, me)))
                .GET("/api/v1/family/invitations", request -> asResident(request, me -> family.overviewOf(me)
                        .flatMap(overview -> ServerResponse.ok().bodyValue(FamilyResponse.of(overview).invitations()))))
                .POST("/api/v1/family/invitations/{id}/{answer}", request -> asResident(request, me -> answerApi(request, me)))
                .build();
    }

    private Mono<ServerResponse> asResident(ServerRequest request, Function<Resident, Mono<ServerResponse>> handler) {
        return currentResident.handle(request, handler);
    }

    private Mono<ServerResponse> page(ServerRequest request, Resident me, Map<String, Object> messages) {
        return family.overviewOf(me).flatMap(overview -> {
            Map<String, Object> model = new HashMap<>(messages);
            request.queryParam("done").filter(DONE::contains).ifPresent(done -> model.put("done", done));
            // After 解除绑定 of someone I had bound: the way back (checked again when it is used).
            request.queryParam("undo").filter(undo -> request.queryParam("done").filter("unbound"::equals).isPresent())
                    .flatMap(RequestValues::uuid).ifPresent(undo -> model.put("undo", undo));
            model.put("family", FamilyResponse.of(overview));
            model.put("relations", List.of(Relation.values()));
            model.putIfAbsent("bindForm", Map.of());
            model.putIfAbsent("fieldErrors", Map.of());
            return pages.render(request, "resident/family", model);
        });
    }

    // Pages: forms post, then show the page again with the outcome (Post/Redirect/Get with a flash in the query).

    /**
     * A refused binding shows the form again with what was typed (the ID number exactly as typed) and each problem
     * next to its field; every problem of the fields at once, before anything is looked up.
     */
    private Mono<ServerResponse> bindFromForm(ServerRequest request, Resident me) {
        return request.formData().flatMap(form -> {
            Map<String, String> typed = new HashMap<>();
            for (String field : List.of("name", "certno", "relation")) {
                typed.put(field, Optional.ofNullable(form.getFirst(field)).orElse(""));
            }
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            if (typed.get("name").isBlank()) {
                errors.put("name", RequestWords.say(request, Family.NAME_MISSING));
            }
            Phrase certnoProblem = Family.certnoProblem(typed.get("certno"));
            if (certnoProblem != null) {
                errors.put("certno", RequestWords.say(request, certnoProblem));
            }
            Optional<Relation> relation = relation(typed.get("relation"));
            if (!typed.get("relation").isBlank() && relation.isEmpty()) {
                errors.put("relation", RequestWords.say(request, Phrase.of("family.refused.relation")));
            }
            if (!errors.isEmpty()) {
                return bindRefused(request, me, typed, errors, null);
            }
            return family.bind(me, typed.get("certno"), typed.get("name"), relation.orElse(null),
                            RequestOrigin.of(request.exchange()))
                    .flatMap(outcome -> {
                        if (outcome instanceof Family.Bound bound) {
                            return redirect(bound.status() == cn.yibao.portal.resident.domain.FamilyBinding.Status.ACTIVE
                                    ? "bound" : "invited");
                        }
                        if (outcome instanceof Family.InvalidInput invalid) {
                            return bindRefused(request, me, typed, Map.of(invalid.field(),
                                    RequestWords.say(request, invalid.reason())), null);
                        }
                        // No such person, or name and number do not belong together: both fields are suspect.
                        return bindRefused(request, me, typed, Map.of(), RequestWords.say(request, reasonOf(outcome)),
                                outcome instanceof Family.NotFound);
                    });
        });
    }

    private Mono<ServerResponse> bindRefused(ServerRequest request, Resident me, Map<String, String> typed,
                                             Map<String, String> errors, String formError) {
        return bindRefused(request, me, typed, errors, formError, false);
    }

    private Mono<ServerResponse> bindRefused(ServerRequest request, Resident me, Map<String, String> typed,
                                             Map<String, String> errors, String formError, boolean identityUnmatched) {
        Map<String, Object> model = new HashMap<>();
        model.put("bindForm", typed);
        model.put("fieldErrors", errors);
        if (formError != null) {
            model.put("bindError", formError);
            model.put("identityUnmatched", identityUnmatched);
        }
        return page(request, me, model);
    }

    /**
     * 解除绑定 in two steps: the first post (no {@code confirm}) only shows what will happen and whether it can be
     * undone; the confirmation's own post ends the binding. Works without JavaScript.
     */
    private Mono<ServerResponse> unbindFromForm(ServerRequest request, Resident me) {
        Optional<UUID> other = RequestValues.uuid(request.pathVariable("memberId"));
        return request.formData().flatMap(form -> family.overviewOf(me).flatMap(overview -> {
            Optional<Family.Member> mine = other.flatMap(id -> overview.members().stream()
                    .filter(m -> m.person().id().equals(id)).findFirst());
            Optional<Family.Member> member = mine.or(() -> other.flatMap(id -> overview.boundBy().stream()
                    .filter(m -> m.person().id().equals(id)).findFirst()));
            if (member.isEmpty()) {
                return page(request, me, Map.of("error", RequestWords.say(request, Phrase.of("family.refused.noBinding"))));
            }
            if (!"yes".equals(form.getFirst("confirm"))) {
                return pages.render(request, "resident/unbind", Map.of(
                        "member", FamilyResponse.MemberView.of(member.get()),
                        "side", mine.isPresent() ? member.get().status().name() : "BOUND_BY"));
            }
            return family.unbind(me, other.get(), RequestOrigin.of(request.exchange()))
                    .flatMap(done -> done
                            ? ServerResponse.seeOther(URI.create("/family?done=unbound"
                                    + (mine.isPresent() ? "&undo=" + other.get() : ""))).build()
                            : page(request, me, Map.of("error", RequestWords.say(request, Phrase.of("family.refused.noBinding")))));
        }));
    }

    /** Undo of my own 解除绑定 (see {@link Family#rebind}). */
    private Mono<ServerResponse> rebindFromForm(ServerRequest request, Resident me) {
        return Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("memberId")))
                .flatMap(other -> family.rebind(me, other, RequestOrigin.of(request.exchange())))
                .defaultIfEmpty(new Family.NotFound())
                .flatMap(outcome -> outcome instanceof Family.Bound bound
                        ? redirect(bound.status() == cn.yibao.portal.resident.domain.FamilyBinding.Status.ACTIVE
                                ? "rebound" : "invited")
                        : page(request, me, Map.of("error", outcome instanceof Family.NotFound
                                ? RequestWords.say(request, Phrase.of("family.refused.noUndo"))
                                : RequestWords.say(request, reasonOf(outcome)))));
    }

    private Mono<ServerResponse> answerFromForm(ServerRequest request, Resident me) {
        return answer(request, me).flatMap(done -> done
                ? redirect("accept".equals(request.pathVariable("answer")) ? "accepted" : "declined")
                : page(request, me, Map.of("error", RequestWords.say(request, Phrase.of("family.refused.noInvitation")))));
    }

    private static Mono<ServerResponse> redirect(String outcome) {
        return ServerResponse.seeOther(URI.create("/family?done=" + outcome)).build();
    }

    // API

    @JsonBody(route = "POST /api/v1/family", example = "{\"certno\": \"141121201501010013\", \"name\": \"王小明\", "
            + "\"relation\": \"CHILD\"}", optional = "relation")
    record BindRequest(String certno, String name, String relation) {
    }

    private Mono<ServerResponse> bindFromJson(ServerRequest request, Resident me) {
        return JsonBodies.read(request, BindRequest.class, body -> {
                    Optional<Relation> relation = relation(body.relation());
                    if (body.relation() != null && relation.isEmpty()) {
                        return problem(HttpStatus.BAD_REQUEST, Phrase.of("family.api.relation"), "relation");
                    }
                    return family.bind(me, body.certno(), body.name(), relation.orElse(null), RequestOrigin.of(request.exchange())).flatMap(outcome -> bindAnswer(request, outcome));
                });
    }

    private Mono<ServerResponse> bindAnswer(ServerRequest request, Family.BindOutcome outcome) {
        if (outcome instanceof Family.Bound bound) {
            return ServerResponse.status(HttpStatus.CREATED).bodyValue(Map.of("memberId", bound.memberId(),
                    "status", bound.status().name()));
        }
        if (outcome instanceof Family.InvalidInput invalid) {
            return problem(HttpStatus.BAD_REQUEST, invalid.reason(), invalid.field());
        }
        if (outcome instanceof Family.Refused refused) {
            return problem(refused.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
                    refused.reason(), null);
        }
        return problem(HttpStatus.NOT_FOUND, reasonOf(outcome), null);
    }

    private Mono<ServerResponse> unbindApi(ServerRequest request, Resident me) {
        return Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("memberId")))
                .flatMap(other -> family.unbind(me, other, RequestOrigin.of(request.exchange())))
                .defaultIfEmpty(false)
                .flatMap(done -> done ? ServerResponse.noContent().build()
                        : problem(HttpStatus.NOT_FOUND, Phrase.of("family.refused.noBinding"), null));
    }

    private Mono<ServerResponse> answerApi(ServerRequest request, Resident me) {
        return answer(request, me).flatMap(done -> done ? ServerResponse.noContent().build()
                : problem(HttpStatus.NOT_FOUND, Phrase.of("family.refused.noInvitation"), null));
    }

    private Mono<Boolean> answer(ServerRequest request, Resident me) {
        String answer = request.pathVariable("answer");
        Optional<UUID> id = RequestValues.uuid(request.pathVariable("id"));
        if (id.isEmpty() || !("accept".equals(answer) || "decline".equals(answer))) {
            return Mono.just(false);
        }
        return family.answer(me, id.get(), "accept".equals(answer), RequestOrigin.of(request.exchange()));
    }

    private static Phrase reasonOf(Family.BindOutcome outcome) {
        if (outcome instanceof Family.Refused refused) {
            return refused.reason();
        }
        if (outcome instanceof Family.InvalidInput invalid) {
            return invalid.reason();
        }
        return Phrase.of("family.refused.notFound");
    }

    private static Mono<ServerResponse> problem(HttpStatus status, Phrase detail, String field) {
        return ProblemResponses.response(status, detail, field);
    }

    private static Optional<Relation> relation(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Relation.valueOf(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What a resident may see of their family: masked identities only. */
    record FamilyResponse(List<MemberView> members, List<MemberView> invitations, List<MemberView> boundBy) {

        record MemberView(UUID memberId, UUID bindingId, String maskedName, String maskedCertno, String relation,
                          String status) {
            static MemberView of(Family.Member member) {
                return new MemberView(member.person().id(), member.bindingId(), member.person().maskedName(),
                        member.person().maskedCertno(), member.relation().name(), member.status().name());
            }
        }

        static FamilyResponse of(Family.Overview overview) {
            return new FamilyResponse(overview.members().stream().map(MemberView::of).toList(),
                    overview.invitations().stream().map(MemberView::of).toList(),
                    overview.boundBy().stream().map(MemberView::of).toList());
        }
    }
}
