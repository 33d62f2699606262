package cn.yibao.portal.qrcode.web;

import cn.yibao.portal.qrcode.Codes;
import cn.yibao.portal.qrcode.QrImages;
import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.ProblemResponses;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The dynamic 医保码 (page, JSON for its refresh script, the API) and the images of issued codes. An image is drawn
 * only for a token this server signed: no endpoint turns arbitrary text into a QR image.
 */
@Configuration(proxyBeanMethods = false)
class CodeRoutes {

    static final MediaType SVG = MediaType.valueOf("image/svg+xml");

    /** About a minute of 医保码 at a busy counter and every receipt code on screen: at most a few megabytes. */
    private final RenderedImages rendered = new RenderedImages(2000);
    private final Codes codes;
    private final CurrentResident currentResident;
    private final Family family;
    private final Pages pages;
    private final Duration refresh;

    CodeRoutes(Codes codes, CurrentResident currentResident, Family family, Pages pages,
               @Value("${portal.codes.resident-refresh-seconds:60}") long refreshSeconds) {
        this.codes = codes;
        this.currentResident = currentResident;
        this.family = family;
        this.pages = pages;
        this.refresh = Duration.ofSeconds(refreshSeconds);
    }

    @Bean
    RouterFunction<ServerResponse> codeRouter() {
        return RouterFunctions.route()
                .GET("/code", this::page)
                .GET("/code/current", this::current)
                .GET("/code/image.svg", this::currentImage)
                .GET("/api/v1/codes/resident", this::current)
                .GET("/codes/image/{token}.svg", this::svg)
                .GET("/codes/image/{token}.png", this::png)
                .build();
    }

    /** The code of the signed-in resident, or of a bound minor ({@code ?member=}); empty if not theirs to show. */
    private Mono<Resident> subject(ServerRequest request) {
        Optional<String> member = request.queryParam("member");
        return currentResident.of(request).flatMap(me -> member.isEmpty() ? Mono.just(me)
                : family.boundMinor(me, member.get()));
    }

    record CurrentCode(String token, Instant expiresAt, long refreshInSeconds, String imageUrl) {
    }

    private CurrentCode issue(Resident resident) {
        // Valid a little longer than it is shown, so a code scanned just before it refreshes still verifies.
        Codes.IssuedCode issued = codes.issue(CodePurpose.RESIDENT, resident.id(), refresh.plusSeconds(30));
        return new CurrentCode(issued.token(), issued.expiresAt(), refresh.toSeconds(),
                "/codes/image/" + issued.token() + ".svg");
    }

    private Mono<ServerResponse> current(ServerRequest request) {
        return subject(request)
                .flatMap(resident -> ServerResponse.ok().cacheControl(CacheControl.noStore()).bodyValue(issue(resident)))
                .switchIfEmpty(Mono.defer(() -> ProblemResponses.response(HttpStatus.NOT_FOUND,
                        Phrase.of("code.refused.noMember"), "member")));
    }

    /** The home page tile: a fresh code drawn directly, never cached. */
    private Mono<ServerResponse> currentImage(ServerRequest request) {
        return subject(request)
                .flatMap(resident -> Mono.fromCallable(() -> QrImages.svg(issue(resident).token()))
                        .subscribeOn(Schedulers.parallel()))
                .flatMap(svg -> ServerResponse.ok().contentType(SVG).cacheControl(CacheControl.noStore()).bodyValue(svg))
                .switchIfEmpty(Mono.defer(() -> ServerResponse.notFound().build()));
    }

    private Mono<ServerResponse> page(ServerRequest request) {
        return currentResident.of(request).flatMap(me -> family.boundMinors(me)
                        .collectList()
                        .flatMap(minors -> subject(request).flatMap(resident -> {
                            Map<String, Object> model = new HashMap<>();
                            model.put("code", issue(resident));
                            model.put("holder", resident.maskedName());
                            model.put("refreshUrl", "/code/current" + (resident.id().equals(me.id()) ? ""
                                    : "?member=" + resident.id()));
                            model.put("minors", minors.stream().map(m -> Map.of("id", m.id().toString(),
                                    "name", m.maskedName())).toList());
                            model.put("selfSelected", resident.id().equals(me.id()));
                            return pages.render(request, "qrcode/resident", model);
                        })))
                .switchIfEmpty(Mono.defer(() -> ServerResponse.seeOther(java.net.URI.create("/code")).build()));
    }

    private Mono<ServerResponse> svg(ServerRequest request) {
        String token = request.pathVariable("token");
        return image(request, token, "svg", () -> QrImages.svg(token).getBytes(StandardCharsets.UTF_8), SVG);
    }

    private Mono<ServerResponse> png(ServerRequest request) {
        String token = request.pathVariable("token");
        return image(request, token, "png", () -> QrImages.png(token, 8), MediaType.IMAGE_PNG);
    }

    private Mono<ServerResponse> image(ServerRequest request, String token, String format,
                                       java.util.function.Supplier<byte[]> render, MediaType type) {
        if (!codes.isOurs(token)) {
            return ServerResponse.notFound().build();
        }
        // The image is a pure function of the token: its hash is a strong ETag, and it never changes.
        String etag = "\"" + sha256(token + "." + format) + "\"";
        if (request.headers().header("If-None-Match").contains(etag)) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        byte[] cached = rendered.find(token, format);
        Mono<byte[]> image = cached != null ? Mono.just(cached)
                : Mono.fromCallable(() -> rendered.render(token, format, render)).subscribeOn(Schedulers.parallel());
        return image
                .flatMap(bytes -> ServerResponse.ok().contentType(type).eTag(etag)
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate().immutable())
                        .bodyValue(bytes));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
