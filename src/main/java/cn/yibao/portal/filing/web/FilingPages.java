package cn.yibao.portal.filing.web;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.filing.Filing;
import cn.yibao.portal.filing.Filings;
import cn.yibao.portal.filing.api.FilingType;
import cn.yibao.portal.filing.api.TypeRules;
import cn.yibao.portal.filing.domain.FilingApplication;
import cn.yibao.portal.filing.domain.FilingRules;
import cn.yibao.portal.filing.domain.Material;
import cn.yibao.portal.filing.domain.Uploads;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Region;
import cn.yibao.portal.shared.Verbatim;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.AssistedObject;
import cn.yibao.portal.web.KeptForms;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.RequestValues;
import cn.yibao.portal.web.UploadRefusals;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 异地备案 pages: choose a type (with a plain explanation of each), fill the form, see a summary and add materials
 * or the commitment letter, submit; then the filing's own page ({@link FilingRecordPages}) with the filing number,
 * validity and FILING code.
 */
@Configuration(proxyBeanMethods = false)
class FilingPages {

    static final Phrase NOT_YOURS = Phrase.of("filing.refused.notYours");

    private final Filings filings;
    private final CurrentResident currentResident;
    private final RegionCatalog regions;
    private final BusinessClock clock;
    private final Pages pages;

    FilingPages(Filings filings, CurrentResident currentResident, RegionCatalog regions, BusinessClock clock,
                Pages pages) {
        this.filings = filings;
        this.currentResident = currentResident;
        this.regions = regions;
        this.clock = clock;
        this.pages = pages;
    }

    /** Before {@link FilingRecordPages}' router, whose {@code /filing/{id}} would take {@code /filing/new}. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 1)
    RouterFunction<ServerResponse> filingPageRouter() {
        return RouterFunctions.route()
                .GET("/filing/new", request -> asResident(request, me -> chooseType(request, me)))
                .GET("/filing/new/{type}", request -> asResident(request, me -> newForm(request, me)))
                .POST("/filing/review", request -> asResident(request, me -> review(request, me)))
                .GET("/filing/review", request -> asResident(request, me -> reviewAgain(request, me)))
                .POST("/filing", request -> asResident(request, me -> submit(request, me)))
                .build();
    }

    private Mono<ServerResponse> asResident(ServerRequest request, Function<Resident, Mono<ServerResponse>> handler) {
        return currentResident.handle(request, handler);
    }

    record PersonChoice(String id, String name) {
    }

    /** Self and bound minors: whom the resident may file for. */
    private Mono<List<PersonChoice>> people(Resident me) {
        return filings.whoMayFileFor(me).map(people -> people.stream()
                .map(person -> new PersonChoice(person.id().equals(me.id()) ? "SELF" : person.id().toString(),
                        person.maskedName()))
                .toList());
    }

    private Mono<ServerResponse> chooseType(ServerRequest request, Resident me) {
        return people(me).flatMap(people -> pages.render(request, "filing/types", Map.of(
                "types", filings.typesFor(me).stream().map(rules -> FilingViews.TypeView.of(rules, say(request))).toList(),
                "people", people)));
    }

    /** The first step, empty — or with what was typed before the session ran out ({@link KeptForms}). */
    private Mono<ServerResponse> newForm(ServerRequest request, Resident me) {
        String type = request.pathVariable("type");
        return KeptForms.take(request).flatMap(kept -> type.equals(kept.get("type"))
                ? form(request, me, type, firstStep(kept), Map.of(), true)
                : form(request, me, type, Map.of("insured", request.queryParam("insured").orElse("SELF"),
                        "startDate", clock.today().toString()), Map.of()));
    }

    /** The fields of the first step; the summary carries them on as hidden fields, the session as the draft. */
    static final List<String> FIELDS = List.of("type", "insured", "province", "destination", "startDate", "endDate",
            "reason", "afterTheFact", "treatmentDate");

    /** The draft of the filing being reviewed: what was typed, kept server-side for a submission refused whole. */
    static final String DRAFT = "filing.draft";

    /** Problems not about one field go under this key. */
    static final String FORM = "form";

    /**
     * The first step, empty or again with what was typed and, next to each field, why it was not accepted
     * ({@code errors}: field name → message).
     */
    private Mono<ServerResponse> form(ServerRequest request, Resident me, String typeCode, Map<String, String> values,
                                      Map<String, Phrase> errors) {
        return form(request, me, typeCode, values, errors, false);
    }

    private Mono<ServerResponse> form(ServerRequest request, Resident me, String typeCode, Map<String, String> values,
                                      Map<String, Phrase> errors, boolean restored) {
        Optional<FilingType> type = type(typeCode);
        if (type.isEmpty()) {
            return ServerResponse.seeOther(URI.create("/filing/new")).build();
        }
        return filings.insuredFor(me, values.getOrDefault("insured", "SELF")).flatMap(person -> {
            TypeRules rules = filings.typesFor(person).stream().filter(r -> r.type() == type.get()).findFirst().orElseThrow();
            List<Province> provinces = destinations(person);
            Map<String, String> shown = new HashMap<>(values);
            // The province of a chosen city, so that the pair is shown as chosen (and filtered by the script).
            if (blank(shown.get("province")) && !blank(shown.get("destination"))) {
                provinceOf(provinces, shown.get("destination")).ifPresent(p -> shown.put("province", p.code()));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("type", FilingViews.TypeView.of(rules, say(request)));
            model.put("provinces", provinces);
            model.put("insuredName", person.maskedName());
            model.put("form", shown);
            model.put("errors", errors);
            model.put("restored", restored);
            return pages.render(request, "filing/form", model, errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
        }).switchIfEmpty(Mono.defer(() -> ServerResponse.seeOther(URI.create("/filing/new")).build()));
    }

    private Mono<ServerResponse> review(ServerRequest request, Resident me) {
        return request.formData().flatMap(data -> {
            Map<String, String> form = firstStep(data.toSingleValueMap());
            if ("true".equals(data.getFirst("edit"))) {
                // From the summary back to the first step, with everything as typed.
                return form(request, me, form.get("type"), form, Map.of());
            }
            return filings.insuredFor(me, form.get("insured")).flatMap(insured -> {
                Map<String, Phrase> errors = new LinkedHashMap<>();
                checkDestination(destinations(insured), form, errors);
                Optional<Filings.Form> parsed = parse(form, false, errors);
                if (!errors.isEmpty() || parsed.isEmpty()) {
                    return form(request, me, form.get("type"), form, errors);
                }
                return filings.preview(insured, parsed.get()).flatMap(outcome -> {
                    if (outcome instanceof Filings.Refused refused) {
                        return form(request, me, form.get("type"), form, Map.of(fieldOf(refused.field()), refused.message()));
                    }
                    return request.session().doOnNext(session -> session.getAttributes().put(DRAFT, new HashMap<>(form)))
                            .then(summary(request, insured, parsed.get(), form, Map.of()));
                });
            }).switchIfEmpty(Mono.defer(() -> form(request, me, form.get("type"), Map.of("insured", "SELF"),
                    Map.of(FORM, NOT_YOURS))));
        });
    }

    /**
     * The summary again from the draft: after a submission refused before it could be read (a file over the upload
     * limit, {@code ?upload=too-large}), or the browser's back button. No draft: start again.
     */
    private Mono<ServerResponse> reviewAgain(ServerRequest request, Resident me) {
        return request.session().flatMap(session -> {
            Object stored = session.getAttributes().get(DRAFT);
            if (stored instanceof Map<?, ?> draft) {
                Map<String, String> form = new HashMap<>();
                draft.forEach((k, v) -> form.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
                return reviewAgain(request, me, form, false);
            }
            // The session ran out on the summary: what was typed came back with the sign-in, files excepted.
            return KeptForms.take(request).flatMap(kept -> kept.isEmpty()
                    ? ServerResponse.seeOther(URI.create("/filing/new")).build()
                    : request.session().doOnNext(fresh -> fresh.getAttributes().put(DRAFT, new HashMap<>(firstStep(kept))))
                            .then(reviewAgain(request, me, firstStep(kept), true)));
        });
    }

    private Mono<ServerResponse> reviewAgain(ServerRequest request, Resident me, Map<String, String> form,
                                             boolean restored) {
        {
            Optional<Filings.Form> parsed = parse(form, false, new LinkedHashMap<>());
            if (parsed.isEmpty()) {
                return ServerResponse.seeOther(URI.create("/filing/new")).build();
            }
            Map<String, Phrase> problems = request.queryParam("upload").filter("too-large"::equals).isPresent()
                    ? Map.of("materials", TOO_LARGE_UNKNOWN) : Map.of();
            return filings.insuredFor(me, form.get("insured"))
                    .flatMap(insured -> summary(request, insured, parsed.get(), form, problems, restored))
                    .switchIfEmpty(Mono.defer(() -> ServerResponse.seeOther(URI.create("/filing/new")).build()));
        }
    }

    static final Phrase TOO_LARGE_UNKNOWN = Phrase.of("filing.upload.tooLarge.unknown", Uploads.MAX_BYTES / 1024 / 1024);

    static Phrase tooLarge(String fileName) {
        return Phrase.of("filing.upload.tooLarge.named", fileName, Uploads.MAX_BYTES / 1024 / 1024);
    }

    /** Problems of the materials step (files, the commitment letter) are shown there; the rest on the first step. */
    private static final Set<String> SUMMARY_FIELDS = Set.of("materials", "commitment");

    private Mono<ServerResponse> summary(ServerRequest request, Resident insured, Filings.Form parsed,
                                         Map<String, String> form, Map<String, Phrase> errors) {
        return summary(request, insured, parsed, form, errors, false);
    }

    private Mono<ServerResponse> summary(ServerRequest request, Resident insured, Filings.Form parsed,
                                         Map<String, String> form, Map<String, Phrase> errors, boolean restored) {
        TypeRules rules = filings.typesFor(insured).stream().filter(r -> r.type() == parsed.type()).findFirst().orElseThrow();
        LocalDate end = FilingRules.endDate(new FilingApplication(parsed.type(), List.of(), List.of(), parsed.startDate(),
                parsed.endDate(), parsed.reason(), false, parsed.treatmentDate(), Set.of()), rules);
        Map<String, Object> model = new HashMap<>();
        model.put("type", FilingViews.TypeView.of(rules, say(request)));
        model.put("form", form);
        model.put("insuredName", insured.maskedName());
        model.put("destinationName", filings.regionName(parsed.destination()));
        model.put("endDate", end == null ? null : end.toString());
        model.put("materials", rules.requiredMaterials().stream().map(m -> Map.of("code", m.name(),
                "name", RequestWords.say(request, FilingRules.label(m)))).toList());
        model.put("maxBytes", Uploads.MAX_BYTES);
        model.put("maxMegabytes", Uploads.MAX_BYTES / 1024 / 1024);
        model.put("errors", errors);
        model.put("restored", restored);
        return pages.render(request, "filing/summary", model, errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /**
     * Every refusal shows a form again with what was typed: a first-step problem (found only now, e.g. another filing
     * made meanwhile) on the first step, a file or the commitment letter on the summary, next to its field.
     */
    private Mono<ServerResponse> submit(ServerRequest request, Resident me) {
        return request.multipartData()
                .flatMap(parts -> readUploads(parts).flatMap(uploads -> {
                    Map<String, String> all = fields(parts);
                    Map<String, String> form = firstStep(all);
                    boolean commitment = "true".equals(all.get("commitment"));
                    return filings.insuredFor(me, form.get("insured")).flatMap(insured -> {
                        Map<String, Phrase> errors = new LinkedHashMap<>();
                        checkDestination(destinations(insured), form, errors);
                        Optional<Filings.Form> parsed = parse(form, commitment, errors);
                        if (!errors.isEmpty() || parsed.isEmpty()) {
                            return form(request, me, form.get("type"), form, errors);
                        }
                        if (!uploads.problems().isEmpty()) {
                            return summary(request, insured, parsed.get(), form, uploads.problems());
                        }
                        return filings.submit(me, insured, parsed.get(), uploads.files()).flatMap(outcome -> {
                            if (outcome instanceof Filings.Filed filed) {
                                return request.session().doOnNext(session -> session.getAttributes().remove(DRAFT))
                                        .then(noted(request, filed.filing()))
                                        .then(ServerResponse.seeOther(URI.create("/filing/" + filed.filing().id()
                                                + "?submitted")).build());
                            }
                            Filings.Refused refused = (Filings.Refused) outcome;
                            String field = fieldOf(refused.field());
                            return SUMMARY_FIELDS.contains(field)
                                    ? summary(request, insured, parsed.get(), form, Map.of(field, refused.message()))
                                    : form(request, me, form.get("type"), form, Map.of(field, refused.message()));
                        });
                    }).switchIfEmpty(Mono.defer(() -> form(request, me, form.get("type"), Map.of("insured", "SELF"),
                            Map.of(FORM, NOT_YOURS))));
                }))
                .onErrorResume(DataBufferLimitException.class,
                        e -> ServerResponse.seeOther(URI.create(TOO_LARGE_PAGE)).build());
    }

    /** Where a filing submission over the multipart limits is sent (see {@link UploadRefusalPage}). */
    static final String TOO_LARGE_PAGE = "/filing/review?upload=too-large";

    /** The summary again, from the draft, when the submission's body was refused before it could be read. */
    @Component
    static class UploadRefusalPage implements UploadRefusals {
        @Override
        public Optional<URI> formAgain(String path) {
            return "/filing".equals(path) ? Optional.of(URI.create(TOO_LARGE_PAGE)) : Optional.empty();
        }
    }

    /** A rule's field as the pages name it; the type and the person are not fields of the form (shown above it). */
    private static String fieldOf(String field) {
        return field == null || !(FIELDS.contains(field) || SUMMARY_FIELDS.contains(field)) || "type".equals(field)
                || "insured".equals(field) ? FORM : field;
    }

    /** Only the first step's fields, as typed (absent ones left out). */
    private static Map<String, String> firstStep(Map<String, String> all) {
        Map<String, String> form = new HashMap<>();
        for (String field : FIELDS) {
            if (all.get(field) != null) {
                form.put(field, all.get(field));
            }
        }
        return form;
    }

    record ReadUploads(List<Filings.Upload> files, Map<String, Phrase> problems) {
    }

    /** A file the limit refused: which field, and the message for it. */
    private record TooLarge(String field, Phrase message) {
    }

    /**
     * Reads each material, refusing anything over the limit before it is kept in memory or stored; a file over the
     * limit is named next to its own field.
     */
    private Mono<ReadUploads> readUploads(MultiValueMap<String, Part> parts) {
        List<Mono<Object>> reads = new ArrayList<>();
        for (Material material : Material.values()) {
            Part part = parts.getFirst("material_" + material.name());
            if (part instanceof FilePart file && !file.filename().isBlank()) {
                reads.add(DataBufferUtils.join(file.content(), Uploads.MAX_BYTES + 1)
                        .<Object>map(buffer -> new Filings.Upload(material, file.filename(),
                                file.headers().getContentType() == null ? null : file.headers().getContentType().toString(),
                                RequestValues.bytes(buffer)))
                        .onErrorResume(DataBufferLimitException.class,
                                e -> Mono.just(new TooLarge("material_" + material.name(), tooLarge(file.filename())))));
            }
        }
        return Flux.concat(reads).collectList().map(read -> {
            List<Filings.Upload> files = new ArrayList<>();
            Map<String, Phrase> problems = new LinkedHashMap<>();
            for (Object one : read) {
                if (one instanceof Filings.Upload upload) {
                    files.add(upload);
                } else if (one instanceof TooLarge tooLarge) {
                    problems.put(tooLarge.field(), tooLarge.message());
                }
            }
            return new ReadUploads(files, problems);
        });
    }

    private static Function<Phrase, String> say(ServerRequest request) {
        return RequestWords.sayer(request);
    }

    /** For the resident's 代办记录 when a worker does this for them: which filing, by its number. */
    static Mono<Void> noted(ServerRequest request, Filing filing) {
        return Mono.fromRunnable(() -> AssistedObject.note(request.exchange(), AssistedObject.FILING, filing.id(),
                filing.number()));
    }

    record Destination(String code, String label) {
    }

    /** A province (or municipality) and the places in it one may file for, for the two-step destination picker. */
    record Province(String code, String name, List<Destination> cities) {
    }

    /**
     * City-level places outside the resident's own city, by province: a municipality once under its own name
     * (北京市 → 北京市), the county-level cities directly under a province by their own names (河南省 → 济源市).
     */
    private List<Province> destinations(Resident insured) {
        List<String> own = regions.pathToNational(insured.insuredRegionCode());
        Set<String> seen = new java.util.HashSet<>();
        List<Province> provinces = new ArrayList<>();
        for (Region province : regions.children(Region.NATIONAL)) {
            List<Destination> cities = new ArrayList<>();
            for (Region city : regions.children(province.code())) {
                List<Region> places = Region.groupsCountiesUnderProvince(city.name()) ? regions.children(city.code()) : List.of(city);
                for (Region place : places) {
                    String label = regions.displayName(place.code(), " ");
                    if (!own.contains(place.code()) && seen.add(label)) {
                        String cityName = label.startsWith(province.name() + " ")
                                ? label.substring(province.name().length() + 1) : label;
                        cities.add(new Destination(place.code(), cityName));
                    }
                }
            }
            if (!cities.isEmpty()) {
                provinces.add(new Province(province.code(), province.name(), List.copyOf(cities)));
            }
        }
        return List.copyOf(provinces);
    }

    private static Optional<Province> provinceOf(List<Province> provinces, String destination) {
        return provinces.stream().filter(p -> p.cities().stream().anyMatch(c -> c.code().equals(destination))).findFirst();
    }

    /**
     * The province and the city must be a pair of the list: without JavaScript the city list is not filtered, so a
     * city of another province may arrive with the province; the city must then be chosen again.
     */
    static void checkDestination(List<Province> provinces, Map<String, String> form, Map<String, Phrase> errors) {
        String destination = form.get("destination");
        String province = form.get("province");
        if (blank(destination)) {
            errors.put("destination", blank(province) ? Phrase.of("filing.form.destination.both")
                    : Phrase.of("filing.form.destination.city"));
            return;
        }
        Optional<Province> of = provinceOf(provinces, destination);
        if (of.isEmpty()) {
            errors.put("destination", Phrase.of("filing.form.destination.fromList"));
        } else if (!blank(province) && !of.get().code().equals(province)) {
            Object chosen = provinces.stream().filter(p -> p.code().equals(province)).map(Province::name)
                    .<Object>map(Verbatim::new).findFirst().orElse(Phrase.of("filing.form.destination.chosenProvince"));
            errors.put("destination", Phrase.of("filing.form.destination.otherProvince", chosen));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The form as the service takes it, or empty with each unreadable field's problem in {@code errors}. */
    static Optional<Filings.Form> parse(Map<String, String> form, boolean commitment, Map<String, Phrase> errors) {
        Optional<FilingType> type = type(form.get("type"));
        if (type.isEmpty()) {
            errors.put(FORM, Phrase.of("filing.form.type"));
            return Optional.empty();
        }
        LocalDate start = date(form, "startDate", errors);
        LocalDate end = date(form, "endDate", errors);
        // A treatment date counts as filing after the fact (补办) whether or not the box was ticked.
        LocalDate treatment = date(form, "treatmentDate", errors);
        if (start == null && !errors.containsKey("startDate")) {
            errors.put("startDate", Phrase.of("filing.refused.start.missing"));
        }
        if ("true".equals(form.get("afterTheFact")) && treatment == null && !errors.containsKey("treatmentDate")) {
            errors.put("treatmentDate", Phrase.of("filing.form.treatmentDate"));
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Filings.Form(type.get(), form.get("destination"), start, end,
                form.getOrDefault("reason", ""), commitment, treatment));
    }

    private static LocalDate date(Map<String, String> form, String field, Map<String, Phrase> errors) {
        try {
            return date(form.get(field));
        } catch (java.time.DateTimeException e) {
            errors.put(field, Phrase.of("filing.form.date"));
            return null;
        }
    }

    private static Map<String, String> fields(MultiValueMap<String, Part> parts) {
        Map<String, String> fields = new HashMap<>();
        parts.forEach((name, values) -> values.stream().filter(FormFieldPart.class::isInstance).findFirst()
                .ifPresent(part -> fields.put(name, ((FormFieldPart) part).value())));
        return fields;
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : RequestValues.isoDate(text);
    }

    private static Optional<FilingType> type(String text) {
        try {
            return Optional.of(FilingType.valueOf(String.valueOf(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
