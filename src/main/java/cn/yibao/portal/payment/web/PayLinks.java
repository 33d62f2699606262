package cn.yibao.portal.payment.web;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.payment.Payments;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.qrcode.Codes;
import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.qrcode.api.CodeTokens;
import cn.yibao.portal.web.Pages;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * PAY_LINK codes: at the counter the result page shows one for the resident's own phone to scan; scanned, it goes
 * straight to the channel while the order is open.
 */
@Component
class PayLinks {

    private final Codes codes;
    private final BusinessClock clock;
    private final Payments payments;
    private final Pages pages;

    PayLinks(Codes codes, BusinessClock clock, Payments payments, Pages pages) {
        this.codes = codes;
        this.clock = clock;
        this.payments = payments;
        this.pages = pages;
    }

    /** A signed code naming the order, valid until the order expires (a minute when it already has). */
    String tokenFor(PaymentOrder order) {
        Duration left = Duration.between(clock.now(), order.expiresAt());
        return codes.issue(CodePurpose.PAY_LINK, order.id(), left.isNegative() ? Duration.ofMinutes(1) : left).token();
    }

    /**
     * A PAY_LINK code scanned by the resident's own phone: straight to the channel while the order is open. Public
     * (the phone need not be signed in); the code is signed, short-lived and names one order.
     */
    Mono<ServerResponse> follow(ServerRequest request) {
        return codes.verify(request.pathVariable("token"), Set.of(CodePurpose.PAY_LINK))
                .flatMap(checked -> checked instanceof CodeTokens.Verified verified
                        ? payments.byId(verified.code().subject())
                        : Mono.empty())
                .filter(order -> order.status().isOpen() && order.payUrl() != null)
                .flatMap(order -> ServerResponse.seeOther(URI.create(order.payUrl())).build())
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request)));
    }
}
