package cn.yibao.portal.filing.web;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.filing.Filings;
import cn.yibao.portal.identity.StaffPrincipals;
import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.identity.api.StaffRole;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.RequestValues;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The staff review queue: filings waiting for a check in the staff member's own region only. */
@Configuration(proxyBeanMethods = false)
class StaffFilingPages {

    private final Filings filings;
    private final FilingApiRoutes api;
    private final Pages pages;

    StaffFilingPages(Filings filings, FilingApiRoutes api, Pages pages) {
        this.filings = filings;
        this.api = api;
        this.pages = pages;
    }

    @Bean
    RouterFunction<ServerResponse> staffFilingRouter() {
        return RouterFunctions.route()
                .GET("/staff/filings", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff -> queue(request, staff, Map.of())))
                .GET("/staff/filings/{id}", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff -> detail(request, staff, Map.of())))
                .POST("/staff/filings/{id}/decision", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff -> decide(request, staff)))
                .GET("/staff/filings/{id}/materials/{material}", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff ->
                        Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                                .flatMap(id -> filings.findForStaff(staff, id))
                                .flatMap(filing -> Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("material")))
                                        .flatMap(m -> filings.material(filing, m)))
                                .flatMap(FilingRecordPages::file)
                                .switchIfEmpty(Mono.defer(() -> ServerResponse.notFound().build()))))
                .build();
    }


    private Mono<ServerResponse> queue(ServerRequest request, StaffIdentity staff, Map<String, Object> extra) {
        return filings.reviewQueue(staff).collectList().flatMap(list -> api.views(request, list)).flatMap(list -> {
            Map<String, Object> model = new HashMap<>(extra);
            model.put("filings", list);
            model.put("staffName", staff.maskedName());
            model.put("servicePoint", staff.servicePoint());
            request.queryParam("done").ifPresent(done -> model.put("done", done));
            return pages.render(request, "staff/filings", model);
        });
    }

    private Mono<ServerResponse> detail(ServerRequest request, StaffIdentity staff, Map<String, Object> extra) {
        return Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                .flatMap(id -> filings.findForStaff(staff, id))
                .flatMap(filing -> InTurn.zip(api.view(request, filing), filings.materialsOf(filing).collectList()))
                .flatMap(t -> {
                    Map<String, Object> model = new HashMap<>(extra);
                    model.put("filing", t.getT1());
                    model.put("materials", t.getT2());
                    return pages.render(request, "staff/filing", model);
                })
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request)));
    }

    private Mono<ServerResponse> decide(ServerRequest request, StaffIdentity staff) {
        return request.formData().flatMap(form -> Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                .flatMap(id -> filings.review(staff, id, "approve".equals(form.getFirst("decision")),
                        form.getFirst("reason"), RequestOrigin.of(request.exchange())))
                .flatMap(outcome -> outcome instanceof Filings.Filed filed
                        ? ServerResponse.seeOther(URI.create("/staff/filings?done=" + filed.filing().number())).build()
                        : detail(request, staff, Map.of("error",
                                RequestWords.say(request, ((Filings.Refused) outcome).message()))))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request))));
    }
}
