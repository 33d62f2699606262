package cn.yibao.portal.upstream.web;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.identity.StaffPrincipals;
import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.identity.api.StaffRole;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.upstream.ImportLimits;
import cn.yibao.portal.upstream.ImportOperator;
import cn.yibao.portal.upstream.ImportResult;
import cn.yibao.portal.upstream.UpstreamImports;
import cn.yibao.portal.upstream.domain.ImportKind;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.ProblemResponses;
import cn.yibao.portal.web.RequestValues;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Upstream imports for staff with the DATA_OPERATOR role: {@code POST /api/v1/admin/imports/{kind}} with the file
 * as the body (name in {@code X-File-Name}, URL-encoded when not ASCII), {@code GET /api/v1/admin/imports} for
 * recent batches, and the page {@code /staff/imports}. The role is checked by the security configuration.
 */
@Configuration(proxyBeanMethods = false)
class ImportRoutes {

    static final String FILE_NAME_HEADER = "X-File-Name";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final UpstreamImports imports;
    private final ImportLimits limits;
    private final Pages pages;
    private final BusinessClock clock;

    ImportRoutes(UpstreamImports imports, ImportLimits limits, Pages pages, BusinessClock clock) {
        this.imports = imports;
        this.limits = limits;
        this.pages = pages;
        this.clock = clock;
    }

    @Bean
    RouterFunction<ServerResponse> upstreamImportRouter() {
        return RouterFunctions.route()
                .POST("/api/v1/admin/imports/{kind}", request -> StaffPrincipals.handle(request, StaffRole.DATA_OPERATOR, staff -> apiImport(request, staff)))
                .GET("/api/v1/admin/imports", request -> StaffPrincipals.handle(request, StaffRole.DATA_OPERATOR, staff -> imports
                        .recent(operatorOf(staff).scope(), limit(request)).collectList()
                        .flatMap(batches -> ServerResponse.ok().bodyValue(batches))))
                .GET("/staff/imports", request -> StaffPrincipals.handle(request, StaffRole.DATA_OPERATOR, staff -> page(request, staff, Map.of())))
                .POST("/staff/imports", request -> StaffPrincipals.handle(request, StaffRole.DATA_OPERATOR, staff -> request.multipartData()
                        .flatMap(parts -> pageImport(request, staff, parts))))
                .build();
    }

    // ---- API -----------------------------------------------------------------------------------------------------

    private Mono<ServerResponse> apiImport(ServerRequest request, StaffIdentity staff) {
        Optional<ImportKind> kind = ImportKind.fromPathName(request.pathVariable("kind"));
        if (kind.isEmpty()) {
            return ProblemResponses.response(HttpStatus.NOT_FOUND, Phrase.of("upstream.api.kind",
                    Arrays.stream(ImportKind.values()).map(k -> Phrase.of("upstream.api.kindItem", k.pathName(), k.label()))
                            .toList()), "kind");
        }
        String fileName = fileNameHeader(request);
        String contentType = request.headers().contentType().map(MediaType::toString).orElse(null);
        ImportOperator operator = operatorOf(staff);
        RequestOrigin origin = RequestOrigin.of(request.exchange());
        return body(request.bodyToFlux(DataBuffer.class))
                .flatMap(content -> content.isPresent()
                        ? imports.importFile(kind.get(), new UpstreamImports.Upload(fileName, contentType, content.get()),
                                operator, origin)
                        : imports.tooLarge(kind.get(), fileName, operator, origin))
                .flatMap(result -> apiAnswer(request, result));
    }

    /** 200 with the report when stored or unchanged; otherwise a problem detail with the report's fields. */
    static Mono<ServerResponse> apiAnswer(ServerRequest request, ImportResult result) {
        Map<String, Object> report = report(request, result);
        if (result.status() == ImportResult.Status.STORED || result.status() == ImportResult.Status.UNCHANGED) {
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(report);
        }
        HttpStatus status = status(result);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, RequestWords.say(request, result.message()));
        problem.setTitle(status.getReasonPhrase());
        report.remove("message");
        report.forEach(problem::setProperty);
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem);
    }

    /** 200 when stored or unchanged; a refused batch 422 (a line of another region's person among the reasons)… */
    private static HttpStatus status(ImportResult result) {
        return switch (result.status()) {
            case STORED, UNCHANGED -> HttpStatus.OK;
            case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    /** A problem of the report, in the request's language. */
    record ProblemView(int line, String field, String reason) {
    }

    private static Map<String, Object> report(ServerRequest request, ImportResult result) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("batchId", result.batchId());
        report.put("kind", result.kind().name());
        report.put("fileName", result.fileName());
        report.put("lines", result.lines());
        report.put("inserted", result.inserted());
        report.put("updated", result.updated());
        report.put("unchanged", result.unchanged());
        report.put("stored", result.stored());
        report.put("problems", result.problems().stream()
                .map(p -> new ProblemView(p.line(), p.field(), RequestWords.say(request, p.reason()))).toList());
        report.put("problemCount", result.problemCount());
        report.put("omittedProblems", result.omittedProblems());
        report.put("message", RequestWords.say(request, result.message()));
        return report;
    }

    private static String fileNameHeader(ServerRequest request) {
        String raw = request.headers().firstHeader(FILE_NAME_HEADER);
        if (raw == null) {
            return null;
        }
        if (raw.chars().anyMatch(c -> c > 0x7F) && raw.chars().allMatch(c -> c <= 0xFF)) {
            // Raw UTF-8 bytes (curl sends the name as typed) arrive read as Latin-1: read them again.
            return new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
        try {
            return UriUtils.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static int limit(ServerRequest request) {
        try {
            return Math.max(1, Math.min(200, Integer.parseInt(request.queryParam("limit").orElse("50"))));
        } catch (NumberFormatException e) {
            return 50;
        }
    }

    // ---- page ----------------------------------------------------------------------------------------------------

    private Mono<ServerResponse> pageImport(ServerRequest request, StaffIdentity staff, MultiValueMap<String, Part> parts) {
        Optional<ImportKind> kind = Optional.ofNullable(parts.getFirst("kind") instanceof FormFieldPart field
                ? field.value() : null).flatMap(ImportKind::fromPathName);
        if (kind.isEmpty() || !(parts.getFirst("file") instanceof FilePart file)) {
            return page(request, staff, Map.of("error", RequestWords.say(request, Phrase.of("upstream.page.missing"))));
        }
        ImportOperator operator = operatorOf(staff);
        RequestOrigin origin = RequestOrigin.of(request.exchange());
        String contentType = Optional.ofNullable(file.headers().getContentType()).map(MediaType::toString).orElse(null);
        return body(file.content())
                .flatMap(content -> content.isPresent()
                        ? imports.importFile(kind.get(), new UpstreamImports.Upload(file.filename(), contentType,
                                content.get()), operator, origin)
                        : imports.tooLarge(kind.get(), file.filename(), operator, origin))
                .flatMap(result -> page(request, staff, Map.of("result", result, "chosenKind", kind.get().pathName()),
                        status(result)));
    }

    private Mono<ServerResponse> page(ServerRequest request, StaffIdentity staff, Map<String, Object> extra) {
        return page(request, staff, extra, HttpStatus.OK);
    }

    private Mono<ServerResponse> page(ServerRequest request, StaffIdentity staff, Map<String, Object> extra,
                                      HttpStatus status) {
        return imports.recent(operatorOf(staff).scope(), 20).map(batch -> new BatchView(batch.kind(), batch.fileName(), batch.lines(),
                        batch.inserted(), batch.updated(), batch.unchanged(), batch.operator(),
                        TIME.format(batch.importedAt().atZone(clock.zone()))))
                .collectList()
                .flatMap(batches -> {
                    Map<String, Object> model = new HashMap<>(extra);
                    model.put("kinds", Arrays.stream(ImportKind.values())
                            .map(k -> new KindView(k.name(), k.pathName(), String.join(",", k.fields()))).toList());
                    model.put("batches", batches);
                    model.put("maxSize", limits.maxSizeText());
                    model.put("maxLines", limits.maxLines());
                    return pages.render(request, "staff/imports", model, status);
                });
    }

    record KindView(String name, String pathName, String fields) {
    }

    record BatchView(ImportKind kind, String fileName, int lines, int inserted, int updated, int unchanged,
                     String operator, String importedAt) {
    }

    // ---- shared --------------------------------------------------------------------------------------------------

    /** The whole body, or empty when it is over the size limit (the rest is not read). */
    private Mono<Optional<byte[]>> body(Flux<DataBuffer> content) {
        int max = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes());
        return DataBufferUtils.join(content, max).map(RequestValues::bytes)
                .defaultIfEmpty(new byte[0])
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(Optional.empty()));
    }

    private ImportOperator operatorOf(StaffIdentity staff) {
        return new ImportOperator(staff.staffId(), true, imports.scopeOf(staff.regionCode()));
    }

}
