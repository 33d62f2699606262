package cn.yibao.portal.qrcode.web;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.identity.StaffPrincipals;
import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.identity.api.StaffPowers;
import cn.yibao.portal.identity.api.StaffRole;
import cn.yibao.portal.qrcode.CodeVerification;
import cn.yibao.portal.qrcode.QrImages;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.ClientRateLimiter;
import cn.yibao.portal.web.JsonBodies;
import cn.yibao.portal.web.JsonBody;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.ProblemResponses;
import cn.yibao.portal.web.RequestValues;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Verifying codes: {@code POST /api/v1/codes/verify}, the public page {@code /verify?t=}, and the staff counter page
 * where a resident's code is pasted or photographed. Every route is rate-limited per client.
 */
@Configuration(proxyBeanMethods = false)
class VerificationRoutes {

    /** A photo from a phone: large enough for a modern camera, small enough to keep memory bounded. */
    static final int MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

    private final CodeVerification verification;
    private final ClientRateLimiter rateLimiter;
    private final Pages pages;

    VerificationRoutes(CodeVerification verification, ClientRateLimiter rateLimiter, Pages pages) {
        this.verification = verification;
        this.rateLimiter = rateLimiter;
        this.pages = pages;
    }

    @Bean
    RouterFunction<ServerResponse> verificationRouter() {
        return RouterFunctions.route()
                .POST("/api/v1/codes/verify", this::api)
                .GET("/verify", this::publicPage)
                .GET("/staff", request -> StaffPrincipals.handleAnyStaff(request, staff -> staffPage(request, Map.of())))
                .POST("/staff/verify", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK, staff ->
                        request.formData().flatMap(form -> {
                            String token = form.getFirst("token");
                            return token == null || token.isBlank()
                                    ? staffPage(request, Map.of("error", Phrase.of("verify.error.empty")))
                                    : verified(request, token).flatMap(model -> staffPage(request, model));
                        })))
                .POST("/staff/verify/image", request -> StaffPrincipals.handle(request, StaffRole.HELP_DESK,
                        staff -> uploaded(request)))
                .build();
    }

    @JsonBody(route = "POST /api/v1/codes/verify", example = "{\"token\": \"<the text read from the QR code>\"}")
    record VerifyRequest(String token) {
    }

    /** The answer of {@code POST /api/v1/codes/verify}, in the request's language. */
    record ResultView(boolean valid, String purpose, String purposeLabel, String reason, String subject,
                      String region, String status, java.time.Instant expiresAt, boolean staffRequired) {

        static ResultView of(CodeVerification.Result result, java.util.function.Function<Phrase, String> say) {
            return new ResultView(result.valid(), result.purpose(), sayOrNull(result.purposeLabel(), say),
                    sayOrNull(result.reason(), say), result.subject(), result.region(),
                    sayOrNull(result.status(), say), result.expiresAt(), result.staffRequired());
        }

        private static String sayOrNull(Phrase phrase, java.util.function.Function<Phrase, String> say) {
            return phrase == null ? null : say.apply(phrase);
        }
    }

    private Mono<ServerResponse> api(ServerRequest request) {
        return throttled(request).flatMap(wait -> wait.isPresent()
                ? ProblemResponses.response(HttpStatus.TOO_MANY_REQUESTS,
                        Phrase.of("verify.error.tooOften"), null,
                        headers -> headers.set("Retry-After", String.valueOf(retryAfterSeconds(wait.get()))))
                : verifyApi(request));
    }

    private Mono<ServerResponse> verifyApi(ServerRequest request) {
        return JsonBodies.read(request, VerifyRequest.class, body -> body.token() == null || body.token().isBlank()
                ? ProblemResponses.response(HttpStatus.BAD_REQUEST,
                        Phrase.of("verify.error.body"), "token")
                : staffOf(request).flatMap(staff -> verification.verify(body.token(), staff,
                                RequestOrigin.of(request.exchange())))
                        .flatMap(result -> result.staffRequired()
                                ? ProblemResponses.response(HttpStatus.FORBIDDEN,
                                        result.reason(), "token")
                                : ServerResponse.ok().bodyValue(ResultView.of(result,
                                        RequestWords.sayer(request)))));
    }

    /**
     * The public page. A person's code (医保码, pickup code) scanned by someone who is not signed in as staff is not
     * "invalid": it is told only to the help desk, so the page says so in a neutral tone and offers staff sign-in,
     * which comes back to this very code (200: nothing was refused that the visitor could have had). A signed-in staff
     * member who may not check it (another region) is refused: 403 with the reason.
     */
    private Mono<ServerResponse> publicPage(ServerRequest request) {
        Optional<String> token = request.queryParam("t").filter(t -> !t.isBlank());
        return token.isEmpty() ? pages.render(request, "qrcode/verify", Map.of())
                : InTurn.zip(verified(request, token.get()), staffOf(request)).flatMap(t -> {
                    Map<String, Object> model = new HashMap<>(t.getT1());
                    boolean staff = t.getT2().isPresent();
                    model.put("staffSignedIn", staff);
                    model.put("token", token.get().strip());
                    return pages.render(request, "qrcode/verify", model, staff ? refusedToStaff(model) : HttpStatus.OK);
                });
    }

    /** What a page shows after verifying: the result, or why it was not verified (too many attempts). */
    private Mono<Map<String, Object>> verified(ServerRequest request, String token) {
        return throttled(request).flatMap(wait -> wait.isPresent()
                ? Mono.just(Map.<String, Object>of("error",
                        Phrase.of("verify.error.wait", retryAfterSeconds(wait.get()))))
                : staffOf(request).flatMap(staff -> verification.verify(token, staff, RequestOrigin.of(request.exchange())))
                        .map(result -> Map.<String, Object>of("result", result)));
    }

    private Mono<ServerResponse> uploaded(ServerRequest request) {
        return request.multipartData()
                .flatMap(parts -> parts.getFirst("image") instanceof FilePart file
                        ? DataBufferUtils.join(file.content(), MAX_UPLOAD_BYTES).map(RequestValues::bytes)
                                .onErrorResume(e -> Mono.just(new byte[0]))
                        : Mono.just(new byte[0]))
                // Decoding a phone photo takes a few hundred milliseconds: never on the event loop.
                .flatMap(bytes -> Mono.fromCallable(() -> QrImages.decode(bytes)).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(decoded -> decoded.isPresent()
                        ? verified(request, decoded.get()).flatMap(model -> staffPage(request, model))
                        : staffPage(request, Map.of("error", Phrase.of("verify.error.photo"))));
    }

    private Mono<ServerResponse> staffPage(ServerRequest request, Map<String, Object> extra) {
        return staffOf(request).flatMap(staff -> {
            Map<String, Object> model = new HashMap<>(extra);
            staff.ifPresent(s -> {
                model.put("staffName", s.maskedName());
                model.put("servicePoint", s.servicePoint());
                model.put("roles", s.roles());
                model.put("helpDesk", StaffPowers.holds(s, StaffRole.HELP_DESK));
                model.put("paymentOperator", StaffPowers.holds(s, StaffRole.PAYMENT_OPERATOR));
                model.put("dataOperator", StaffPowers.holds(s, StaffRole.DATA_OPERATOR));
            });
            model.putIfAbsent("helpDesk", false);
            return pages.render(request, "staff/counter", model, refusedToStaff(extra));
        });
    }

    /** A person's code this staff member may not check (another region's resident): 403, with the reason shown. */
    private static HttpStatus refusedToStaff(Map<String, Object> model) {
        return model.get("result") instanceof CodeVerification.Result result && result.staffRequired()
                ? HttpStatus.FORBIDDEN : HttpStatus.OK;
    }

    private Mono<Optional<StaffIdentity>> staffOf(ServerRequest request) {
        return request.principal()
                .ofType(Authentication.class)
                .map(StaffPrincipals::identityOf)
                .defaultIfEmpty(Optional.empty());
    }

    private static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private Mono<Optional<Duration>> throttled(ServerRequest request) {
        return rateLimiter.acquire(RequestOrigin.of(request.exchange()).clientAddress());
    }
}
