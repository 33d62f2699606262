package cn.yibao.portal.payment.web;

import cn.yibao.portal.payment.Payments;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.RequestValues;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The order a page's {@code {id}} names, when it is the signed-in payer's (or the assisted resident's); else 404. */
@Component
class OwnOrders {

    private final CurrentResident currentResident;
    private final Payments payments;
    private final Pages pages;

    OwnOrders(CurrentResident currentResident, Payments payments, Pages pages) {
        this.currentResident = currentResident;
        this.payments = payments;
        this.pages = pages;
    }

    interface OrderHandler {
        Mono<ServerResponse> handle(Resident me, PaymentOrder order);
    }

    Mono<ServerResponse> withOrder(ServerRequest request, OrderHandler handler) {
        return currentResident.handle(request, me -> Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                .flatMap(id -> payments.findFor(me, id))
                .flatMap(order -> handler.handle(me, order))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request))));
    }
}
