package cn.yibao.portal.filing.web;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.filing.Filing;
import cn.yibao.portal.filing.FilingEvent;
import cn.yibao.portal.filing.Filings;
import cn.yibao.portal.filing.api.FilingType;
import cn.yibao.portal.filing.domain.EventNotes;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.ResidentRegistry;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.JsonBodies;
import cn.yibao.portal.web.JsonBody;
import cn.yibao.portal.web.ProblemResponses;
import cn.yibao.portal.web.RequestValues;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code /api/v1/filings…}: rule violations are 422 naming the field; another resident's filing is 404. */
@Configuration(proxyBeanMethods = false)
class FilingApiRoutes {

    private final Filings filings;
    private final CurrentResident currentResident;
    private final ResidentRegistry residents;
    private final BusinessClock clock;

    FilingApiRoutes(Filings filings, CurrentResident currentResident, ResidentRegistry residents, BusinessClock clock) {
        this.filings = filings;
        this.currentResident = currentResident;
        this.residents = residents;
        this.clock = clock;
    }

    @Bean
    RouterFunction<ServerResponse> filingApiRouter() {
        return RouterFunctions.route()
                .GET("/api/v1/filings/types", request -> currentResident.handle(request, me ->
                        ServerResponse.ok().bodyValue(filings.typesFor(me).stream()
                                .map(rules -> FilingViews.TypeView.of(rules, say(request))).toList())))
                .POST("/api/v1/filings", this::create)
                .GET("/api/v1/filings", request -> currentResident.handle(request, me -> filings.visibleTo(me)
                        .collectList().flatMap(list -> views(request, list))
                        .flatMap(list -> ServerResponse.ok().bodyValue(list))))
                .GET("/api/v1/filings/{id}", request -> currentResident.of(request).flatMap(me ->
                        Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id"))).flatMap(id -> filings.findFor(me, id)))
                        .flatMap(filing -> view(request, filing))
                        .flatMap(view -> ServerResponse.ok().bodyValue(view))
                        .switchIfEmpty(Mono.defer(() -> notFound(request))))
                .POST("/api/v1/filings/{id}/cancel", request -> currentResident.of(request).flatMap(me ->
                        Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id"))).flatMap(id -> filings.cancel(me, id)))
                        .flatMap(outcome -> outcome instanceof Filings.Filed filed
                                ? FilingPages.noted(request, filed.filing()).then(answer(request, outcome))
                                : answer(request, outcome))
                        .switchIfEmpty(Mono.defer(() -> notFound(request))))
                .build();
    }

    @JsonBody(route = "POST /api/v1/filings", example = "{\"type\": \"OTHER_TEMPORARY\", \"insured\": \"SELF\", "
            + "\"destination\": \"350100\", \"startDate\": \"2023-10-20\", \"reason\": \"探亲期间就医\"}",
            optional = {"insured", "endDate", "reason", "commitment", "treatmentDate"})
    record CreateRequest(String type, String insured, String destination, String startDate, String endDate,
                         String reason, Boolean commitment, String treatmentDate) {
    }

    private Mono<ServerResponse> create(ServerRequest request) {
        return currentResident.handle(request, me -> JsonBodies.read(request, CreateRequest.class, body -> {
                    Parsed parsed = parse(body);
                    if (parsed.problem() != null) {
                        return ProblemResponses.response(HttpStatus.BAD_REQUEST,
                                parsed.problem(), parsed.field());
                    }
                    return filings.insuredFor(me, body.insured())
                            .flatMap(insured -> filings.submit(me, insured, parsed.form(), List.of()))
                            .flatMap(outcome -> outcome instanceof Filings.Filed filed
                                    ? FilingPages.noted(request, filed.filing()).then(view(request, filed.filing()))
                                            .flatMap(view -> ServerResponse.status(HttpStatus.CREATED).bodyValue(view))
                                    : answer(request, outcome))
                            .switchIfEmpty(Mono.defer(() -> ProblemResponses.response(HttpStatus.NOT_FOUND,
                                    FilingPages.NOT_YOURS, "insured")));
                }));
    }

    private Mono<ServerResponse> answer(ServerRequest request, Filings.Outcome outcome) {
        if (outcome instanceof Filings.Refused refused) {
            return ProblemResponses.response(HttpStatus.UNPROCESSABLE_CONTENT,
                    refused.message(), refused.field());
        }
        return view(request, ((Filings.Filed) outcome).filing()).flatMap(view -> ServerResponse.ok().bodyValue(view));
    }

    /** Said in the request's language (the page's, or the one the API request asks for). */
    static Function<Phrase, String> say(ServerRequest request) {
        return RequestWords.sayer(request);
    }

    Mono<FilingViews.FilingView> view(ServerRequest request, Filing filing) {
        return views(request, List.of(filing)).map(views -> views.get(0));
    }

    /** Views of several filings in two queries whatever their number: the insured people, then all histories. */
    Mono<List<FilingViews.FilingView>> views(ServerRequest request, List<Filing> list) {
        if (list.isEmpty()) {
            return Mono.just(List.of());
        }
        return residents.findAllById(list.stream().map(Filing::insuredId).toList())
                .flatMap(people -> filings.historiesOf(list).map(histories -> list.stream()
                        .map(filing -> FilingViews.of(filing,
                                people.containsKey(filing.insuredId()) ? people.get(filing.insuredId()).maskedName() : "",
                                filings, clock.today(), say(request), histories.getOrDefault(filing.id(), List.of())
                                        .stream().map(event -> historyEntry(request, event)).toList()))
                        .toList()));
    }

    private FilingViews.HistoryEntry historyEntry(ServerRequest request, FilingEvent event) {
        Phrase note = EventNotes.said(event.reason());
        return new FilingViews.HistoryEntry(
                event.at().atZone(clock.zone()).toLocalDateTime().withNano(0).toString().replace('T', ' '),
                event.from(), event.to(), event.actorType(), note == null ? null : RequestWords.say(request, note));
    }

    record Parsed(Filings.Form form, String field, Phrase problem) {
    }

    private record DateField(String name, String text) {
    }

    /** Malformed input (not a rule violation) is a 400 naming the field. */
    static Parsed parse(CreateRequest body) {
        FilingType type;
        try {
            type = FilingType.valueOf(String.valueOf(body.type()));
        } catch (IllegalArgumentException e) {
            return new Parsed(null, "type", Phrase.of("filing.api.type"));
        }
        if (body.destination() == null || !body.destination().matches("\\d{6}")) {
            return new Parsed(null, "destination", Phrase.of("filing.api.destination"));
        }
        Map<String, Optional<LocalDate>> dates = new java.util.HashMap<>();
        for (DateField field : List.of(new DateField("startDate", body.startDate()),
                new DateField("endDate", body.endDate()), new DateField("treatmentDate", body.treatmentDate()))) {
            try {
                dates.put(field.name(), date(field.text()));
            } catch (DateTimeParseException e) {
                return new Parsed(null, field.name(), Phrase.of("filing.api.date", field.name()));
            }
        }
        Optional<LocalDate> start = dates.get("startDate");
        Optional<LocalDate> end = dates.get("endDate");
        Optional<LocalDate> treatment = dates.get("treatmentDate");
        if (start.isEmpty()) {
            return new Parsed(null, "startDate", Phrase.of("filing.api.startDate"));
        }
        return new Parsed(new Filings.Form(type, body.destination(), start.get(), end.orElse(null),
                body.reason() == null ? "" : body.reason(), Boolean.TRUE.equals(body.commitment()),
                treatment.orElse(null)), null, null);
    }

    private static Optional<LocalDate> date(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(RequestValues.isoDate(text));
    }

    private static Mono<ServerResponse> notFound(ServerRequest request) {
        return ProblemResponses.response(HttpStatus.NOT_FOUND, Phrase.of("filing.api.notFound"),
                null);
    }
}
