package cn.yibao.portal.filing.web;

import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.filing.Filing;
import cn.yibao.portal.filing.Filings;
import cn.yibao.portal.filing.domain.FilingApplication;
import cn.yibao.portal.filing.domain.FilingRules;
import cn.yibao.portal.filing.domain.FilingType;
import cn.yibao.portal.filing.domain.Material;
import cn.yibao.portal.filing.domain.TypeRules;
import cn.yibao.portal.filing.domain.Uploads;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.policy.domain.Region;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.domain.Resident;
import cn.yibao.portal.web.AssistedObject;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.RequestValues;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 异地备案 pages: choose a type (with a plain explanation of each), fill the form, see a summary and add materials
 * or the commitment letter, submit, then the confirmation with the filing number, validity and FILING code.
 */
@Configuration(proxyBeanMethods = false)
class FilingPages {

    static final String NOT_YOURS = "只能为本人或已绑定的未成年家庭成员备案。";

    private final Filings filings;
    private final CurrentResident currentResident;
    private final Family family;
    private final RegionCatalog regions;
    private final FilingApiRoutes api;
    private final BusinessClock clock;
    private final Pages pages;

    FilingPages(Filings filings, CurrentResident currentResident, Family family, RegionCatalog regions,
                FilingApiRoutes api, BusinessClock clock, Pages pages) {
        this.filings = filings;
        this.currentResident = currentResident;
        this.family = family;
        this.regions = regions;
        this.api = api;
        this.clock = clock;
        this.pages = pages;
    }

    @Bean
    RouterFunction<ServerResponse> filingPageRouter() {
        return RouterFunctions.route()
                .GET("/filing", request -> asResident(request, me -> list(request, me)))
                .GET("/filing/new", request -> asResident(request, me -> chooseType(request, me)))
                .GET("/filing/new/{type}", request -> asResident(request, me -> newForm(request, me)))
                .POST("/filing/review", request -> asResident(request, me -> review(request, me)))
                .POST("/filing", request -> asResident(request, me -> submit(request, me)))
                .GET("/filing/{id}", request -> asResident(request, me -> detail(request, me, Map.of())))
                .POST("/filing/{id}/cancel", request -> asResident(request, me -> cancel(request, me)))
                .GET("/filing/{id}/materials/{material}", request -> asResident(request, me -> download(request, me)))
                .build();
    }

    private Mono<ServerResponse> asResident(ServerRequest request, Function<Resident, Mono<ServerResponse>> handler) {
        return currentResident.handle(request, handler);
    }

    private Mono<ServerResponse> list(ServerRequest request, Resident me) {
        return filings.visibleTo(me).collectList().flatMap(api::views)
                .flatMap(list -> pages.render(request, "filing/list", Map.of("filings", list)));
    }

    record PersonChoice(String id, String name) {
    }

    /** Self and bound minors: whom the resident may file for. */
    private Mono<List<PersonChoice>> people(Resident me) {
        return family.boundMinors(me)
                .map(minor -> new PersonChoice(minor.id().toString(), minor.maskedName()))
                .collectList()
                .map(minors -> {
                    List<PersonChoice> all = new ArrayList<>();
                    all.add(new PersonChoice("SELF", me.maskedName()));
                    all.addAll(minors);
                    return all;
                });
    }

    private Mono<ServerResponse> chooseType(ServerRequest request, Resident me) {
        return people(me).flatMap(people -> pages.render(request, "filing/types", Map.of(
                "types", filings.typesFor(me).stream().map(FilingViews.TypeView::of).toList(),
                "people", people)));
    }

    private Mono<ServerResponse> newForm(ServerRequest request, Resident me) {
        return form(request, me, request.pathVariable("type"), Map.of("insured",
                request.queryParam("insured").orElse("SELF"), "startDate", clock.today().toString()), null);
    }

    /** The first step, empty or again with what was typed and why it was not accepted. */
    private Mono<ServerResponse> form(ServerRequest request, Resident me, String typeCode, Map<String, String> values,
                                      String error) {
        Optional<FilingType> type = type(typeCode);
        if (type.isEmpty()) {
            return ServerResponse.seeOther(URI.create("/filing/new")).build();
        }
        return filings.insuredFor(me, values.getOrDefault("insured", "SELF")).flatMap(person -> {
            TypeRules rules = filings.typesFor(person).stream().filter(r -> r.type() == type.get()).findFirst().orElseThrow();
            Map<String, Object> model = new HashMap<>();
            model.put("type", FilingViews.TypeView.of(rules));
            model.put("destinations", destinations(person));
            model.put("insuredName", person.maskedName());
            model.put("form", values);
            if (error != null) {
                model.put("error", error);
            }
            return pages.render(request, "filing/form", model);
        }).switchIfEmpty(Mono.defer(() -> ServerResponse.seeOther(URI.create("/filing/new")).build()));
    }

    private Mono<ServerResponse> review(ServerRequest request, Resident me) {
        return request.formData().flatMap(data -> {
            Map<String, String> form = data.toSingleValueMap();
            Optional<Filings.Form> parsed = parse(form, false);
            if (parsed.isEmpty()) {
                return form(request, me, form.get("type"), form, "请检查日期格式（年-月-日）。");
            }
            if ("true".equals(form.get("afterTheFact")) && parsed.get().treatmentDate() == null) {
                return form(request, me, form.get("type"), form, "补办备案请填写就医日期。");
            }
            return filings.insuredFor(me, form.get("insured")).flatMap(insured -> filings.preview(insured, parsed.get())
                    .flatMap(outcome -> {
                        if (outcome instanceof Filings.Refused refused) {
                            return form(request, me, form.get("type"), form, refused.message());
                        }
                        return summary(request, insured, parsed.get(), form, null);
                    }))
                    .switchIfEmpty(Mono.defer(() -> form(request, me, form.get("type"), Map.of("insured", "SELF"),
                            NOT_YOURS)));
        });
    }

    private Mono<ServerResponse> summary(ServerRequest request, Resident insured, Filings.Form parsed,
                                         Map<String, String> form, String error) {
        TypeRules rules = filings.typesFor(insured).stream().filter(r -> r.type() == parsed.type()).findFirst().orElseThrow();
        LocalDate end = FilingRules.endDate(new FilingApplication(parsed.type(), List.of(), List.of(), parsed.startDate(),
                parsed.endDate(), parsed.reason(), false, parsed.treatmentDate(), java.util.Set.of()), rules);
        Map<String, Object> model = new HashMap<>();
        model.put("type", FilingViews.TypeView.of(rules));
        model.put("form", form);
        model.put("insuredName", insured.maskedName());
        model.put("destinationName", filings.regionName(parsed.destination()));
        model.put("endDate", end == null ? null : end.toString());
        model.put("materials", rules.requiredMaterials().stream().map(m -> Map.of("code", m.name(),
                "name", FilingRules.label(m))).toList());
        if (error != null) {
            model.put("error", error);
        }
        return pages.render(request, "filing/summary", model);
    }

    private Mono<ServerResponse> submit(ServerRequest request, Resident me) {
        return request.multipartData()
                .flatMap(parts -> readUploads(parts).flatMap(uploads -> {
                    Map<String, String> form = fields(parts);
                    Optional<Filings.Form> parsed = parse(form, "true".equals(form.get("commitment")));
                    if (parsed.isEmpty()) {
                        return ServerResponse.seeOther(URI.create("/filing/new")).build();
                    }
                    return filings.insuredFor(me, form.get("insured")).flatMap(insured -> {
                        if (uploads.problem() != null) {
                            return summary(request, insured, parsed.get(), form, uploads.problem());
                        }
                        return filings.submit(me, insured, parsed.get(), uploads.files()).flatMap(outcome ->
                                outcome instanceof Filings.Filed filed
                                        ? noted(request, filed.filing()).then(ServerResponse.seeOther(
                                                URI.create("/filing/" + filed.filing().id() + "?submitted")).build())
                                        : summary(request, insured, parsed.get(), form,
                                                ((Filings.Refused) outcome).message()));
                    }).switchIfEmpty(Mono.defer(() -> ServerResponse.seeOther(URI.create("/filing/new")).build()));
                }))
                .onErrorResume(org.springframework.core.io.buffer.DataBufferLimitException.class,
                        e -> ServerResponse.seeOther(URI.create("/upload-too-large?back=/filing/new")).build());
    }

    record ReadUploads(List<Filings.Upload> files, String problem) {
    }

    /** Reads each material, refusing anything over the limit before it is kept in memory or stored. */
    private Mono<ReadUploads> readUploads(MultiValueMap<String, Part> parts) {
        List<Mono<Filings.Upload>> reads = new ArrayList<>();
        for (Material material : Material.values()) {
            Part part = parts.getFirst("material_" + material.name());
            if (part instanceof FilePart file && !file.filename().isBlank()) {
                reads.add(DataBufferUtils.join(file.content(), Uploads.MAX_BYTES + 1)
                        .map(buffer -> new Filings.Upload(material, file.filename(),
                                file.headers().getContentType() == null ? null : file.headers().getContentType().toString(),
                                RequestValues.bytes(buffer))));
            }
        }
        return Flux.concat(reads).collectList()
                .map(files -> new ReadUploads(files, null))
                .onErrorResume(org.springframework.core.io.buffer.DataBufferLimitException.class,
                        e -> Mono.just(new ReadUploads(List.of(), "单个文件不能超过 5 MB，请压缩或拍照后重新上传。")));
    }

    private Mono<ServerResponse> detail(ServerRequest request, Resident me, Map<String, Object> extra) {
        return Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                .flatMap(id -> filings.findFor(me, id))
                .flatMap(filing -> InTurn.zip(api.view(filing), filings.materialsOf(filing).collectList()))
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

    private Mono<ServerResponse> cancel(ServerRequest request, Resident me) {
        return Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                .flatMap(id -> filings.cancel(me, id))
                .flatMap(outcome -> outcome instanceof Filings.Filed filed
                        ? noted(request, filed.filing()).then(ServerResponse.seeOther(
                                URI.create("/filing/" + filed.filing().id() + "?cancelled")).build())
                        : detail(request, me, Map.of("error", ((Filings.Refused) outcome).message())))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request)));
    }

    /** For the resident's 代办记录 when a worker does this for them: which filing, by its number. */
    static Mono<Void> noted(ServerRequest request, Filing filing) {
        return Mono.fromRunnable(() -> AssistedObject.note(request.exchange(), AssistedObject.FILING, filing.id(),
                filing.number()));
    }

    private Mono<ServerResponse> download(ServerRequest request, Resident me) {
        Optional<UUID> material = RequestValues.uuid(request.pathVariable("material"));
        return Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                .flatMap(id -> filings.findFor(me, id))
                .filter(filing -> filings.mayDownloadMaterials(me, filing))
                .flatMap(filing -> Mono.justOrEmpty(material).flatMap(m -> filings.material(filing, m)))
                .flatMap(FilingPages::file)
                .switchIfEmpty(Mono.defer(() -> ServerResponse.notFound().build()));
    }

    static Mono<ServerResponse> file(cn.yibao.portal.filing.FilingMaterial.File file) {
        return ServerResponse.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .headers(h -> h.setContentDisposition(ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build()))
                .header("X-Content-Type-Options", "nosniff")
                .bodyValue(file.content());
    }

    record Destination(String code, String label) {
    }

    /**
     * City-level places outside the resident's own city, for the destination picker: a municipality once (北京市),
     * the county-level cities directly under a province by their own names (河南省 济源市).
     */
    private List<Destination> destinations(Resident insured) {
        List<String> own = regions.pathToNational(insured.insuredRegionCode());
        Map<String, Destination> byLabel = new java.util.LinkedHashMap<>();
        for (Region province : regions.children(Region.NATIONAL)) {
            for (Region city : regions.children(province.code())) {
                List<Region> places = city.name().endsWith("直辖县级行政区划") ? regions.children(city.code()) : List.of(city);
                for (Region place : places) {
                    if (!own.contains(place.code())) {
                        byLabel.putIfAbsent(regions.displayName(place.code(), " "),
                                new Destination(place.code(), regions.displayName(place.code(), " ")));
                    }
                }
            }
        }
        return List.copyOf(byLabel.values());
    }

    static Optional<Filings.Form> parse(Map<String, String> form, boolean commitment) {
        try {
            Optional<FilingType> type = type(form.get("type"));
            if (type.isEmpty()) {
                return Optional.empty();
            }
            // A treatment date counts as filing after the fact (补办) whether or not the box was ticked.
            LocalDate treatment = date(form.get("treatmentDate"));
            return Optional.of(new Filings.Form(type.get(), form.get("destination"), date(form.get("startDate")),
                    date(form.get("endDate")), form.getOrDefault("reason", ""), commitment, treatment));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
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
