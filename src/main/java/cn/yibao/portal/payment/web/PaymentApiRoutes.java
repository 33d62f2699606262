package cn.yibao.portal.payment.web;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.payment.CashAtCounter;
import cn.yibao.portal.payment.OrderParts;
import cn.yibao.portal.payment.OrderRequest;
import cn.yibao.portal.payment.PaymentActor;
import cn.yibao.portal.payment.Payments;
import cn.yibao.portal.payment.PlacingOrders;
import cn.yibao.portal.payment.Receipts;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.AssistedObject;
import cn.yibao.portal.web.JsonBodies;
import cn.yibao.portal.web.JsonBody;
import cn.yibao.portal.web.ProblemResponses;
import cn.yibao.portal.web.RequestValues;
import cn.yibao.portal.web.api.ClientKind;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/payments…} and {@code /api/v1/receipts/…} for the mobile app. The amount is never taken from the
 * request; another resident's payment is 404.
 */
@Configuration(proxyBeanMethods = false)
class PaymentApiRoutes {

    private final PlacingOrders placing;
    private final Payments payments;
    private final Receipts receipts;
    private final CurrentResident currentResident;
    private final CashAtCounter cash;

    PaymentApiRoutes(CashAtCounter cash, PlacingOrders placing, Payments payments, Receipts receipts, CurrentResident currentResident) {
        this.cash = cash;
        this.placing = placing;
        this.payments = payments;
        this.receipts = receipts;
        this.currentResident = currentResident;
    }

    @Bean
    RouterFunction<ServerResponse> paymentApiRouter() {
        return RouterFunctions.route()
                .POST("/api/v1/payments", this::create)
                .GET("/api/v1/payments", this::list)
                .GET("/api/v1/payments/{id}", request -> owned(request).flatMap(this::detail)
                        .switchIfEmpty(Mono.defer(() -> notFound(request))))
                .POST("/api/v1/payments/{id}/cash", request -> JsonBodies.read(request, CashBody.class, body -> body.receiptNo() == null
                        ? ProblemResponses.response(HttpStatus.BAD_REQUEST,
                                Phrase.of("cash.refused.receiptNo"), "receiptNo")
                        : owned(request)
                        .flatMap(order -> cash.record(request, order, body.receiptNo())
                                .doOnNext(error -> noted(request, order))
                                .flatMap(error -> error.isEmpty() ? payments.findFor(order.payerId(), order.id()).flatMap(this::detail)
                                        : ProblemResponses.response(HttpStatus.UNPROCESSABLE_CONTENT, error.get(), "receiptNo")))
                        .switchIfEmpty(Mono.defer(() -> notFound(request)))))
                .GET("/api/v1/receipts/{id}", request -> owned(request)
                        .flatMap(order -> receipts.of(order, baseUrl(request))
                                .map(receipt -> PaymentViews.ReceiptView.of(receipt, order.id())).collectList())
                        .flatMap(list -> ServerResponse.ok().bodyValue(list))
                        .switchIfEmpty(Mono.defer(() -> notFound(request))))
                .build();
    }

    @JsonBody(route = "POST /api/v1/payments/{id}/cash", example = "{\"receiptNo\": \"WS-2023-000123\"}")
    record CashBody(String receiptNo) {
    }

    @JsonBody(route = "POST /api/v1/payments", example = "{\"year\": 2024, \"insured\": [\"SELF\"], \"channel\": \"SANDBOX\"}",
            optional = {"channel", "grade"})
    record CreateRequest(Integer year, List<String> insured, String channel, Integer grade) {
    }

    private Mono<ServerResponse> create(ServerRequest request) {
        String key = request.headers().firstHeader("Idempotency-Key");
        return currentResident.handle(request, me -> JsonBodies.read(request, CreateRequest.class, create -> {
                    if (create.year() == null) {
                        return ProblemResponses.response(HttpStatus.BAD_REQUEST,
                                Phrase.of("order.api.year"), "year");
                    }
                    if (create.insured() == null || create.insured().isEmpty() || create.insured().size() > 20) {
                        return ProblemResponses.response(HttpStatus.BAD_REQUEST,
                                Phrase.of("order.api.insured"), "insured");
                    }
                    if (placing.offered(CurrentResident.isAssisted(request)).isEmpty()) {
                        return ProblemResponses.response(HttpStatus.UNPROCESSABLE_CONTENT,
                                placing.notOfferedOnline(), "channel");
                    }
                    PaymentChannelId channel = channel(create.channel(), request);
                    if (channel == null) {
                        return ProblemResponses.response(HttpStatus.UNPROCESSABLE_CONTENT,
                                Phrase.of("order.api.channel"), "channel");
                    }
                    ClientKind client = ClientKind.fromUserAgent(request.headers().firstHeader(HttpHeaders.USER_AGENT));
                    return PaymentActor.of(request, me).flatMap(actor -> placing.place(me, key, new OrderRequest(
                                    create.year(), List.copyOf(create.insured()), channel, create.grade(),
                                    client == ClientKind.WECHAT, null, RequestOrigin.of(request.exchange()).clientAddress(),
                                    CurrentResident.isAssisted(request), actor)))
                            .doOnNext(placed -> {
                                if (placed instanceof PlacingOrders.Placement placement) {
                                    noted(request, placement.order());
                                }
                            })
                            .flatMap(placed -> answer(request, placed));
                }));
    }

    private PaymentChannelId channel(String requested, ServerRequest request) {
        if (requested == null || requested.isBlank()) {
            return placingDefault(request);
        }
        try {
            return PaymentChannelId.valueOf(requested);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private PaymentChannelId placingDefault(ServerRequest request) {
        return placing.defaultChannel(ClientKind.fromUserAgent(request.headers().firstHeader(HttpHeaders.USER_AGENT)));
    }

    static Mono<ServerResponse> answer(ServerRequest request, PlacingOrders.Placed placed) {
        if (placed instanceof PlacingOrders.Refusal refusal) {
            return ProblemResponses.response(PaymentStatuses.of(refusal.kind()), refusal.message(), refusal.field());
        }
        PlacingOrders.Placement placement = (PlacingOrders.Placement) placed;
        PaymentOrder order = placement.order();
        return placement.created()
                ? ServerResponse.created(URI.create("/api/v1/payments/" + order.id()))
                        .bodyValue(PaymentViews.Created.of(order))
                : ServerResponse.ok().bodyValue(PaymentViews.Created.of(order));
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        Optional<String> year = request.queryParam("year");
        if (year.isPresent() && !year.get().matches("\\d{4}")) {
            return ProblemResponses.response(HttpStatus.BAD_REQUEST,
                    Phrase.of("order.api.yearParam"), "year");
        }
        return currentResident.handle(request, me -> payments.ofPayer(me, year.map(Integer::valueOf).orElse(null))
                .collectList()
                .flatMap(orders -> payments.partsOf(orders).map(parts -> orders.stream()
                        .map(order -> detailOf(order, parts)).toList()))
                .flatMap(list -> ServerResponse.ok().bodyValue(list)));
    }

    private Mono<PaymentOrder> owned(ServerRequest request) {
        return currentResident.of(request).flatMap(me -> Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                .flatMap(id -> payments.findFor(me, id)));
    }

    private Mono<ServerResponse> detail(PaymentOrder order) {
        return payments.partsOf(order).flatMap(parts -> ServerResponse.ok().bodyValue(detailOf(order, parts)));
    }

    private static PaymentViews.Detail detailOf(PaymentOrder order, OrderParts parts) {
        return PaymentViews.Detail.of(order,
                parts.itemsOf(order).stream()
                        .map(item -> PaymentViews.insured(item, parts.maskedName(item.insuredId()))).toList(),
                parts.refundsOf(order).stream().map(refund -> PaymentViews.RefundView.of(refund, order)).toList());
    }

    /** For the resident's 代办记录 when a worker does this for them: which order, by its number. */
    static void noted(ServerRequest request, PaymentOrder order) {
        AssistedObject.note(request.exchange(), AssistedObject.PAYMENT, order.id(), order.orderNo());
    }

    static String baseUrl(ServerRequest request) {
        URI uri = request.uri();
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static Mono<ServerResponse> notFound(ServerRequest request) {
        return ProblemResponses.response(HttpStatus.NOT_FOUND, Phrase.of("order.api.notFound"),
                null);
    }
}
