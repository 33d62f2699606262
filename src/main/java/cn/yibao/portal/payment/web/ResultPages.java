package cn.yibao.portal.payment.web;

import cn.yibao.portal.payment.AskingTheChannel;
import cn.yibao.portal.payment.CashAtCounter;
import java.net.URI;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** After the channel: the result page, its 2-second status poll, and cash taken at the counter. */
@Component
class ResultPages {

    private final OwnOrders orders;
    private final AskingTheChannel asking;
    private final CashAtCounter cash;
    private final OrderViews views;

    ResultPages(OwnOrders orders, AskingTheChannel asking, CashAtCounter cash, OrderViews views) {
        this.orders = orders;
        this.asking = asking;
        this.cash = cash;
        this.views = views;
    }

    /**
     * Back from the channel, or still waiting: ask the channel once, so that a payment made or cancelled there shows
     * at once, not when its notification arrives.
     */
    Mono<ServerResponse> result(ServerRequest request) {
        return orders.withOrder(request, (me, order) -> asking.refreshed(order)
                .flatMap(current -> views.result(request, me, current, null)));
    }

    /**
     * Polled every 2 s by the open page: read from the database only. Asking the channel on every poll would send
     * each waiting payer's order query to WeChat Pay or Alipay every 2 s; the page load has asked once, and the
     * notification or the sweeper settles the rest.
     */
    Mono<ServerResponse> status(ServerRequest request) {
        return orders.withOrder(request, (me, order) -> Mono.just(order)
                .flatMap(current -> ServerResponse.ok()
                        .cacheControl(CacheControl.noStore())
                        .bodyValue(Map.of("status", current.status().name(),
                                "final", !current.status().isOpen()))));
    }

    Mono<ServerResponse> cash(ServerRequest request) {
        return orders.withOrder(request, (me, order) -> request.formData()
                .flatMap(form -> cash.record(request, order, form.getFirst("receiptNo")))
                .doOnNext(error -> PaymentApiRoutes.noted(request, order))
                .flatMap(error -> error.isEmpty()
                        ? ServerResponse.seeOther(URI.create("/payment/" + order.id())).build()
                        : views.result(request, me, order, error.get())));
    }
}
