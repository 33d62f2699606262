package cn.yibao.portal.resident.web;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.domain.Relation;
import cn.yibao.portal.resident.domain.Resident;
import cn.yibao.portal.web.JsonBodies;
import cn.yibao.portal.web.JsonBody;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.RequestValues;
import cn.yibao.portal.web.ProblemResponses;
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
            "declined");

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
                .GET("/family", request -> asResident(request, me -> page(request, me, Map.of())))
                .POST("/family/bind", request -> asResident(request, me -> bindFromForm(request, me)))
                .POST("/family/{memberId}/unbind", request -> asResident(request, me -> unbindFromForm(request, me)))
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
            model.put("family", FamilyResponse.of(overview));
            model.put("relations", List.of(Relation.values()));
            return pages.render(request, "resident/family", model);
        });
    }

    // Pages: forms post, then show the page again with the outcome (Post/Redirect/Get with a flash in the query).

    private Mono<ServerResponse> bindFromForm(ServerRequest request, Resident me) {
        return request.formData().flatMap(form -> family.bind(me, form.getFirst("certno"), form.getFirst("name"),
                        relation(form.getFirst("relation")).orElse(null), RequestOrigin.of(request.exchange())))
                .flatMap(outcome -> {
                    if (outcome instanceof Family.Bound bound) {
                        return redirect(bound.status() == cn.yibao.portal.resident.domain.FamilyBinding.Status.ACTIVE
                                ? "bound" : "invited");
                    }
                    return page(request, me, Map.of("error", reasonOf(outcome)));
                });
    }

    private Mono<ServerResponse> unbindFromForm(ServerRequest request, Resident me) {
        return Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("memberId")))
                .flatMap(other -> family.unbind(me, other, RequestOrigin.of(request.exchange())))
                .defaultIfEmpty(false)
                .flatMap(done -> done ? redirect("unbound") : page(request, me, Map.of("error", "没有找到该绑定关系。")));
    }

    private Mono<ServerResponse> answerFromForm(ServerRequest request, Resident me) {
        return answer(request, me).flatMap(done -> done
                ? redirect("accept".equals(request.pathVariable("answer")) ? "accepted" : "declined")
                : page(request, me, Map.of("error", "没有找到待确认的绑定邀请。")));
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
                        return problem(HttpStatus.BAD_REQUEST, "relation 只能是 SPOUSE、CHILD、PARENT 或 OTHER。", "relation");
                    }
                    return family.bind(me, body.certno(), body.name(), relation.orElse(null), RequestOrigin.of(request.exchange())).flatMap(this::bindAnswer);
                });
    }

    private Mono<ServerResponse> bindAnswer(Family.BindOutcome outcome) {
        if (outcome instanceof Family.Bound bound) {
            return ServerResponse.status(HttpStatus.CREATED).bodyValue(Map.of("memberId", bound.memberId(),
                    "status", bound.status().name()));
        }
        if (outcome instanceof Family.InvalidInput invalid) {
            return problem(HttpStatus.BAD_REQUEST, invalid.reason(), invalid.field());
        }
        if (outcome instanceof Family.Refused refused) {
            return problem(refused.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT, refused.reason(), null);
        }
        return problem(HttpStatus.NOT_FOUND, reasonOf(outcome), null);
    }

    private Mono<ServerResponse> unbindApi(ServerRequest request, Resident me) {
        return Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("memberId")))
                .flatMap(other -> family.unbind(me, other, RequestOrigin.of(request.exchange())))
                .defaultIfEmpty(false)
                .flatMap(done -> done ? ServerResponse.noContent().build()
                        : problem(HttpStatus.NOT_FOUND, "没有找到该绑定关系。", null));
    }

    private Mono<ServerResponse> answerApi(ServerRequest request, Resident me) {
        return answer(request, me).flatMap(done -> done ? ServerResponse.noContent().build()
                : problem(HttpStatus.NOT_FOUND, "没有找到待确认的绑定邀请。", null));
    }

    private Mono<Boolean> answer(ServerRequest request, Resident me) {
        String answer = request.pathVariable("answer");
        Optional<UUID> id = RequestValues.uuid(request.pathVariable("id"));
        if (id.isEmpty() || !("accept".equals(answer) || "decline".equals(answer))) {
            return Mono.just(false);
        }
        return family.answer(me, id.get(), "accept".equals(answer), RequestOrigin.of(request.exchange()));
    }

    private static String reasonOf(Family.BindOutcome outcome) {
        if (outcome instanceof Family.Refused refused) {
            return refused.reason();
        }
        if (outcome instanceof Family.InvalidInput invalid) {
            return invalid.reason();
        }
        return "未找到姓名与身份证号码相符的参保人，请核对后再试。";
    }

    private static Mono<ServerResponse> problem(HttpStatus status, String detail, String field) {
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
