package cn.yibao.portal.payment.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The payment pages' routes, in one router so that {@code /payment/new} is matched before {@code /payment/{id}}:
 * choose people and channel → confirm the amount → the channel ({@link OrderingPages}) → a result page that shows
 * "确认中" until the order is final, then the receipts ({@link ResultPages}, {@link ReceiptPages}); the counter's
 * pay-link code ({@link PayLinks}) and the payer's history ({@link HistoryPage}).
 */
@Configuration(proxyBeanMethods = false)
class PaymentPages {

    private final OrderingPages ordering;
    private final ResultPages results;
    private final ReceiptPages receipts;
    private final PayLinks payLinks;
    private final HistoryPage history;

    PaymentPages(OrderingPages ordering, ResultPages results, ReceiptPages receipts, PayLinks payLinks,
                 HistoryPage history) {
        this.ordering = ordering;
        this.results = results;
        this.receipts = receipts;
        this.payLinks = payLinks;
        this.history = history;
    }

    @Bean
    RouterFunction<ServerResponse> paymentPageRouter() {
        return RouterFunctions.route()
                .GET("/payment/new", ordering::choose)
                .POST("/payment/review", ordering::review)
                .POST("/payment", ordering::place)
                .GET("/pay/{token}", payLinks::follow)
                .POST("/payment/{id}/cash", results::cash)
                .GET("/payments", history::history)
                .GET("/payment/{id}", results::result)
                .GET("/payment/{id}/status", results::status)
                .GET("/payment/{id}/receipts/{file}", receipts::receipt)
                .build();
    }
}
