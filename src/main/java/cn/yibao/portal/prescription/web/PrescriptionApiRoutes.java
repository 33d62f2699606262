package cn.yibao.portal.prescription.web;

import cn.yibao.portal.prescription.Prescriptions;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.ProblemResponses;
import cn.yibao.portal.web.RequestValues;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/prescriptions…}: the resident's and their bound minors' two-disease records. Anyone else's
 * prescription, or an id that is not one, is 404. A worker assisting the resident gets no pickup code.
 */
@Configuration(proxyBeanMethods = false)
class PrescriptionApiRoutes {

    private final Prescriptions prescriptions;
    private final CurrentResident currentResident;

    PrescriptionApiRoutes(Prescriptions prescriptions, CurrentResident currentResident) {
        this.prescriptions = prescriptions;
        this.currentResident = currentResident;
    }

    @Bean
    RouterFunction<ServerResponse> prescriptionApiRouter() {
        return RouterFunctions.route()
                .GET("/api/v1/prescriptions", request -> currentResident.handle(request, me ->
                        prescriptions.overviewFor(me).map(overview -> PrescriptionViews.ListView.of(overview,
                                        RequestWords.sayer(request)))
                                .flatMap(view -> ServerResponse.ok().cacheControl(CacheControl.noStore()).bodyValue(view))))
                .GET("/api/v1/prescriptions/{id}", this::detail)
                .build();
    }

    private Mono<ServerResponse> detail(ServerRequest request) {
        boolean assisted = CurrentResident.isAssisted(request);
        return currentResident.handle(request, me -> Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                .flatMap(id -> prescriptions.findFor(me, id))
                .map(found -> detailOf(found, assisted, prescriptions, RequestWords.sayer(request)))
                .flatMap(view -> ServerResponse.ok().cacheControl(CacheControl.noStore()).bodyValue(view))
                .switchIfEmpty(Mono.defer(() -> ProblemResponses.response(HttpStatus.NOT_FOUND,
                        Phrase.of("prescription.notFound"), null))));
    }

    /** The pickup code is the resident's own to show at the pharmacy: never while a worker acts for them. */
    static PrescriptionViews.DetailView detailOf(Prescriptions.Found found, boolean assisted, Prescriptions prescriptions,
                                                 Function<Phrase, String> say) {
        var entry = found.entry();
        boolean waiting = entry.prescription().awaitingPickup();
        return new PrescriptionViews.DetailView(PrescriptionViews.PrescriptionView.of(entry, found.person(), say),
                entry.bills().stream().map(PrescriptionViews.SettlementView::of).toList(),
                waiting && !assisted ? prescriptions.pickupCode(entry.prescription())
                        .map(PrescriptionViews.PickupCodeView::of).orElse(null) : null,
                waiting && assisted ? say.apply(PrescriptionViews.PICKUP_CODE_WITHHELD) : null);
    }
}
