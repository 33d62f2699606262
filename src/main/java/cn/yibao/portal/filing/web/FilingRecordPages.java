package cn.yibao.portal.filing.web;

import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.filing.Filing;
import cn.yibao.portal.filing.Filings;
import cn.yibao.portal.filing.api.TypeRules;
import cn.yibao.portal.filing.domain.FilingRules;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.RequestValues;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The resident's filings once made: the list, one filing with its materials and FILING code, cancelling it (two
 * steps, no script), and downloading a material. Making a filing is {@link FilingPages}, whose router comes first:
 * {@code /filing/{id}} here would otherwise take {@code /filing/new} and {@code /filing/review}.
 */
@Configuration(proxyBeanMethods = false)
class FilingRecordPages {

    private final Filings filings;
    private final CurrentResident currentResident;
    private final FilingApiRoutes api;
    private final Pages pages;

    FilingRecordPages(Filings filings, CurrentResident currentResident, FilingApiRoutes api, Pages pages) {
        this.filings = filings;
        this.currentResident = currentResident;
        this.api = api;
        this.pages = pages;
    }

    @Bean
    RouterFunction<ServerResponse> filingRecordRouter() {
        return RouterFunctions.route()
                .GET("/filing", request -> asResident(request, me -> list(request, me)))
                .GET("/filing/{id}", request -> asResident(request, me -> detail(request, me, Map.of())))
                .POST("/filing/{id}/cancel", request -> asResident(request, me -> cancel(request, me)))
                .GET("/filing/{id}/materials/{material}", request -> asResident(request, me -> download(request, me)))
                .build();
    }

    private Mono<ServerResponse> asResident(ServerRequest request, Function<Resident, Mono<ServerResponse>> handler) {
        return currentResident.handle(request, handler);
    }

    private Mono<ServerResponse> list(ServerRequest request, Resident me) {
        return filings.visibleTo(me).collectList().flatMap(list -> api.views(request, list))
                .flatMap(list -> pages.render(request, "filing/list", Map.of("filings", list)));
    }

    private Mono<ServerResponse> detail(ServerRequest request, Resident me, Map<String, Object> extra) {
        return Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                .flatMap(id -> filings.findFor(me, id))
                .flatMap(filing -> InTurn.zip(api.view(request, filing), filings.materialsOf(filing).collectList()))
                .flatMap(t -> {
                    Map<String, Object> model = new HashMap<>(extra);
                    model.put("filing", t.getT1());
                    model.put("materials", t.getT2());
                    model.put("justSubmitted", request.queryParam("submitted").isPresent());
                    model.put("justCancelled", request.queryParam("cancelled").isPresent());
                    return pages.render(request, "filing/detail", model);
                })
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request)));
    }

    /**
     * 取消备案 in two steps, without JavaScript: the first post (no {@code confirm}) shows what cancelling does and
     * that it cannot be undone; the confirmation's own post cancels. A filing that may not be cancelled (lock period,
     * status) says why at once, with nothing to confirm.
     */
    private Mono<ServerResponse> cancel(ServerRequest request, Resident me) {
        return request.formData().flatMap(form -> Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                .flatMap(id -> filings.findFor(me, id))
                .flatMap(filing -> "yes".equals(form.getFirst("confirm"))
                        ? filings.cancel(me, filing.id()).flatMap(outcome -> outcome instanceof Filings.Filed filed
                                ? FilingPages.noted(request, filed.filing()).then(ServerResponse.seeOther(
                                        URI.create("/filing/" + filed.filing().id() + "?cancelled")).build())
                                : detail(request, me, Map.of("error",
                                        RequestWords.say(request, ((Filings.Refused) outcome).message()))))
                        : api.view(request, filing).flatMap(view -> view.cancellable()
                                ? pages.render(request, "filing/cancel", cancelModel(request, filing, view))
                                : detail(request, me, Map.of("error", view.cancelBlockedBecause() != null
                                        ? view.cancelBlockedBecause()
                                        : RequestWords.say(request, Phrase.of("filing.refused.cancel.status")))))))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request)));
    }

    private Map<String, Object> cancelModel(ServerRequest request, Filing filing, FilingViews.FilingView view) {
        Map<String, Object> model = new HashMap<>();
        model.put("filing", view);
        TypeRules rules = filings.rulesOf(filing);
        if (rules.lock() != null && rules.kind() == cn.yibao.portal.filing.domain.FilingKind.LONG_TERM) {
            model.put("lock", RequestWords.say(request, FilingRules.describe(rules.lock())));
        }
        return model;
    }

    private Mono<ServerResponse> download(ServerRequest request, Resident me) {
        Optional<UUID> material = RequestValues.uuid(request.pathVariable("material"));
        return Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                .flatMap(id -> filings.findFor(me, id))
                .filter(filing -> filings.mayDownloadMaterials(me, filing))
                .flatMap(filing -> Mono.justOrEmpty(material).flatMap(m -> filings.material(filing, m)))
                .flatMap(FilingRecordPages::file)
                .switchIfEmpty(Mono.defer(() -> ServerResponse.notFound().build()));
    }

    static Mono<ServerResponse> file(cn.yibao.portal.filing.FilingMaterial.File file) {
        return ServerResponse.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .headers(h -> h.setContentDisposition(ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build()))
                .header("X-Content-Type-Options", "nosniff")
                .bodyValue(file.content());
    }
}
