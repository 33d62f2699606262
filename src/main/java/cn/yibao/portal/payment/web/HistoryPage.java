package cn.yibao.portal.payment.web;

import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.payment.Payments;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.shared.Money;
import cn.yibao.portal.web.Pages;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** 我的缴费: the payer's orders, each with its people in the same order the result page lists them. */
@Component
class HistoryPage {

    private final CurrentResident currentResident;
    private final Payments payments;
    private final PaymentPeople people;
    private final Pages pages;

    HistoryPage(CurrentResident currentResident, Payments payments, PaymentPeople people, Pages pages) {
        this.currentResident = currentResident;
        this.payments = payments;
        this.people = people;
        this.pages = pages;
    }

    Mono<ServerResponse> history(ServerRequest request) {
        return currentResident.handle(request, me -> payments.ofPayer(me, null).collectList()
                .flatMap(orders -> InTurn.zip(payments.partsOf(orders), people.relations(me)).map(found -> orders.stream()
                        .map(order -> Map.of("order", order, "amountYuan", Money.yuan(order.amountFen()),
                                "people", OrderViews.lines(order, found.getT1(), found.getT2())))
                        .toList()))
                .flatMap(orders -> pages.render(request, "payment/history", Map.of("orders", orders))));
    }
}
