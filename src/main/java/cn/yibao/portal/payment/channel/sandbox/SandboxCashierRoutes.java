package cn.yibao.portal.payment.channel.sandbox;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.JsonBodies;
import cn.yibao.portal.web.JsonBody;
import cn.yibao.portal.web.Pages;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

/**
 * The sandbox channel's own site under {@code /sandbox-pay/}: the cashier page, a small JSON API so that mobile-app
 * developers can complete a payment with curl, and the daily bill. It has its own security chain (no portal session,
 * no CSRF), as an outside site would.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "portal.payment.sandbox.enabled", havingValue = "true")
class SandboxCashierRoutes {

    private final SandboxCashier cashier;
    private final SandboxBooks books;
    private final SandboxSettings settings;
    private final BusinessClock clock;

    SandboxCashierRoutes(SandboxCashier cashier, SandboxBooks books, SandboxSettings settings, BusinessClock clock) {
        this.cashier = cashier;
        this.books = books;
        this.settings = settings;
        this.clock = clock;
    }

    @Bean
    RouterFunction<ServerResponse> sandboxCashierRouter() {
        return RouterFunctions.route()
                .GET("/sandbox-pay/cashier/{orderNo}", request -> page(request, null))
                .POST("/sandbox-pay/cashier/{orderNo}/pay", this::payFromForm)
                .POST("/sandbox-pay/cashier/{orderNo}/cancel", request -> cashier.cancel(orderNo(request))
                        .flatMap(result -> afterAction(request, result)))
                .POST("/sandbox-pay/api/orders/{orderNo}/pay", this::payFromApi)
                .GET("/sandbox-pay/bills/{date}", this::bill)
                .build();
    }

    private static String orderNo(ServerRequest request) {
        return request.pathVariable("orderNo");
    }

    private Mono<ServerResponse> page(ServerRequest request, Phrase error) {
        return cashier.find(orderNo(request))
                .flatMap(payment -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("payment", payment);
                    model.put("amountYuan", BigDecimal.valueOf(payment.amountFen(), 2).toPlainString());
                    model.put("plans", Arrays.stream(SandboxCashier.NotifyPlan.values()).map(Enum::name).toList());
                    model.put("error", error);
                    boolean expired = SandboxCashier.expired(payment, clock.now());
                    model.put("expired", expired);
                    model.put("expiresAt", payment.expiresAt().atZone(clock.zone()).toLocalDateTime().withNano(0)
                            .toString().replace('T', ' '));
                    return ServerResponse.status(error == null ? HttpStatus.OK : HttpStatus.CONFLICT)
                            .contentType(Pages.HTML_UTF8).cacheControl(CacheControl.noStore()).render("sandbox/cashier", model);
                })
                .switchIfEmpty(Mono.defer(() -> ServerResponse.status(HttpStatus.NOT_FOUND).contentType(Pages.HTML_UTF8)
                        .render("sandbox/cashier", Map.of("error", SandboxCashier.NOT_FOUND))));
    }

    private Mono<ServerResponse> payFromForm(ServerRequest request) {
        return request.formData()
                .map(form -> plan(form.getFirst("notify")))
                .flatMap(plan -> cashier.pay(orderNo(request), plan))
                .flatMap(result -> afterAction(request, result));
    }

    private Mono<ServerResponse> afterAction(ServerRequest request, SandboxCashier.Result result) {
        if (result instanceof SandboxCashier.Done done) {
            return ServerResponse.seeOther(URI.create(done.returnUrl())).build();
        }
        return page(request, ((SandboxCashier.NotPossible) result).reason());
    }

    @JsonBody(route = "POST /sandbox-pay/api/orders/{orderNo}/pay", example = "{\"notification\": \"ONCE\"}",
            optional = "notification")
    record PayRequest(String notification) {
    }

    private Mono<ServerResponse> payFromApi(ServerRequest request) {
        return JsonBodies.read(request, PayRequest.class, body -> cashier.pay(orderNo(request), plan(body.notification()))
                .flatMap(result -> result instanceof SandboxCashier.NotPossible notPossible
                        ? ServerResponse.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                .bodyValue(Map.of("status", 409, "title", "Conflict",
                                        "detail", RequestWords.say(request, notPossible.reason())))
                        : books.find(orderNo(request)).flatMap(payment -> ServerResponse.ok().bodyValue(Map.of(
                                "orderNo", payment.orderNo(), "status", payment.status(),
                                "transactionId", payment.transactionId())))));
    }

    private static SandboxCashier.NotifyPlan plan(String value) {
        try {
            return value == null ? SandboxCashier.NotifyPlan.ONCE : SandboxCashier.NotifyPlan.valueOf(value);
        } catch (IllegalArgumentException e) {
            return SandboxCashier.NotifyPlan.ONCE;
        }
    }

    private Mono<ServerResponse> bill(ServerRequest request) {
        LocalDate day;
        try {
            day = LocalDate.parse(request.pathVariable("date"));
        } catch (DateTimeParseException e) {
            return ServerResponse.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .bodyValue(RequestWords.say(request, Phrase.of("sandbox.bill.date")));
        }
        return books.bill(day, clock.zone()).collectList()
                .flatMap(rows -> ServerResponse.ok()
                        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                        .header("Content-Disposition", "attachment; filename=\"sandbox-bill-" + day + ".csv\"")
                        .bodyValue(SandboxBill.format(settings.merchantId, day.toString(), rows, clock.zone())));
    }
}
