package cn.yibao.portal.payment.web;

import cn.yibao.portal.payment.PlacingOrders;
import cn.yibao.portal.payment.Refunds;
import org.springframework.http.HttpStatus;

/**
 * The one place where the payment services' outcomes become HTTP statuses: the services say what kind of no it is,
 * the routes and pages ask here what that is in HTTP.
 */
final class PaymentStatuses {

    private PaymentStatuses() {
    }

    static HttpStatus of(PlacingOrders.Refusal.Kind kind) {
        return switch (kind) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_ACCEPTED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    static HttpStatus of(Refunds.Refusal refusal) {
        return switch (refusal) {
            case BAD_INPUT -> HttpStatus.BAD_REQUEST;
            case OTHER_REGION -> HttpStatus.FORBIDDEN;
            case NO_SUCH_ORDER -> HttpStatus.NOT_FOUND;
            case NOT_NOW -> HttpStatus.CONFLICT;
        };
    }
}
