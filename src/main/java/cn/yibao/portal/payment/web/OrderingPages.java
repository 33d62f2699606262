package cn.yibao.portal.payment.web;

import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.payment.OrderRequest;
import cn.yibao.portal.payment.PaymentActor;
import cn.yibao.portal.payment.PlacingOrders;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.web.api.ClientKind;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Choose people and channel → confirm the amount → the channel. The form carries a one-time key, so a double submit
 * or a back-and-resubmit gives the same order.
 */
@Component
class OrderingPages {

    private final ChoosePage choosePage;
    private final PlacingOrders placing;
    private final CurrentResident currentResident;
    private final WechatPayer wechatPayer;
    private final ReviewPage reviewPage;

    OrderingPages(ChoosePage choosePage, ReviewPage reviewPage, PlacingOrders placing, CurrentResident currentResident,
                  WechatPayer wechatPayer) {
        this.choosePage = choosePage;
        this.reviewPage = reviewPage;
        this.placing = placing;
        this.currentResident = currentResident;
        this.wechatPayer = wechatPayer;
    }

    Mono<ServerResponse> choose(ServerRequest request) {
        return currentResident.handle(request, me -> {
            int year = choosePage.year(request.queryParam("year"));
            // Inside WeChat, JSAPI needs the payer's openid: WeChat's silent authorization comes first.
            return wechatPayer.authorizationFirst(request, "/payment/new?year=" + year)
                    .flatMap(authorize -> ServerResponse.seeOther(authorize).build())
                    .switchIfEmpty(Mono.defer(() -> choosePage.render(request, me, year, null)));
        });
    }

    Mono<ServerResponse> review(ServerRequest request) {
        return currentResident.handle(request, me -> request.formData().flatMap(form -> review(request, me, form)));
    }

    Mono<ServerResponse> place(ServerRequest request) {
        return currentResident.handle(request, me -> request.formData().flatMap(form -> place(request, me, form)));
    }

    /** {@code actor} may be null for a preview, which changes nothing; {@code openId} is WeChat's, when known. */
    private OrderRequest orderRequest(ServerRequest request, MultiValueMap<String, String> form, PaymentActor actor,
                                      String openId) {
        List<String> insured = Optional.ofNullable(form.get("insured")).orElse(List.of());
        PaymentChannelId channel = channelOf(form.getFirst("channel"));
        ClientKind client = ClientKind.fromUserAgent(request.headers().firstHeader(HttpHeaders.USER_AGENT));
        return new OrderRequest(choosePage.year(Optional.ofNullable(form.getFirst("year"))), insured, channel, null,
                client == ClientKind.WECHAT, openId, RequestOrigin.of(request.exchange()).clientAddress(),
                CurrentResident.isAssisted(request), actor);
    }

    private static PaymentChannelId channelOf(String text) {
        try {
            return text == null ? null : PaymentChannelId.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Mono<ServerResponse> review(ServerRequest request, Resident me, MultiValueMap<String, String> form) {
        OrderRequest order = orderRequest(request, form, null, null);
        if (order.insured().isEmpty()) {
            return choosePage.render(request, me, order.year(), Phrase.of("order.refused.nobody"));
        }
        return reviewPage.render(request, me, order, form.getFirst("key"));
    }

    private Mono<ServerResponse> place(ServerRequest request, Resident me, MultiValueMap<String, String> form) {
        return InTurn.zip(PaymentActor.of(request, me), wechatPayer.openId(request).defaultIfEmpty(""))
                .flatMap(both -> place(request, me, form, orderRequest(request, form, both.getT1(),
                        both.getT2().isEmpty() ? null : both.getT2())));
    }

    private Mono<ServerResponse> place(ServerRequest request, Resident me, MultiValueMap<String, String> form,
                                       OrderRequest order) {
        return placing.place(me, form.getFirst("key"), order).flatMap(placed -> {
            if (placed instanceof PlacingOrders.Refusal refusal) {
                return choosePage.render(request, me, order.year(), refusal.message());
            }
            PlacingOrders.Placement placement = (PlacingOrders.Placement) placed;
            PaymentOrder placedOrder = placement.order();
            PaymentApiRoutes.noted(request, placedOrder);
            if (!placement.jsapiParameters().isEmpty()) {
                // WeChat JSAPI: the payer stays on our result page, which hands these to WeChat.
                return request.session()
                        .doOnNext(session -> session.getAttributes().put(OrderViews.JSAPI + placedOrder.id(),
                                new HashMap<>(placement.jsapiParameters())))
                        .then(ServerResponse.seeOther(URI.create("/payment/" + placedOrder.id())).build());
            }
            // At the counter the resident pays on their own phone: the result page shows a PAY_LINK code to scan.
            boolean assisted = CurrentResident.isAssisted(request);
            String next = !assisted && placedOrder.status().isOpen() && placedOrder.payUrl() != null
                    ? placedOrder.payUrl() : "/payment/" + placedOrder.id();
            return ServerResponse.seeOther(URI.create(next)).build();
        });
    }
}
