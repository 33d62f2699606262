package cn.yibao.portal.payment.web;

import cn.yibao.portal.payment.ReceiptPdf;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.Receipt;
import cn.yibao.portal.qrcode.QrImages;
import cn.yibao.portal.shared.Money;
import cn.yibao.portal.web.Pages;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** One e-receipt of the payer's order, as a page ({@code {receiptNo}}) or a PDF ({@code {receiptNo}.pdf}). */
@Component
class ReceiptPages {

    private final OwnOrders orders;
    private final OrderViews views;
    private final ReceiptPdf receiptPdf;
    private final Pages pages;

    ReceiptPages(OwnOrders orders, OrderViews views, ReceiptPdf receiptPdf, Pages pages) {
        this.orders = orders;
        this.views = views;
        this.receiptPdf = receiptPdf;
        this.pages = pages;
    }

    Mono<ServerResponse> receipt(ServerRequest request) {
        return orders.withOrder(request, (me, order) -> {
            String file = request.pathVariable("file");
            boolean pdf = file.endsWith(".pdf");
            String receiptNo = pdf ? file.substring(0, file.length() - 4) : file;
            return views.receipt(request, me, order, receiptNo)
                    .flatMap(receipt -> pdf ? pdf(receipt) : receiptPage(request, order, receipt))
                    .switchIfEmpty(Mono.defer(() -> pages.notFound(request)));
        });
    }

    private Mono<ServerResponse> receiptPage(ServerRequest request, PaymentOrder order, Receipt receipt) {
        Map<String, Object> model = new HashMap<>();
        model.put("order", order);
        model.put("receipt", receipt);
        model.put("amountYuan", Money.yuan(receipt.amountFen()));
        model.put("qrSvg", QrImages.svg(receipt.verificationUrl()));
        return pages.render(request, "payment/receipt", model);
    }

    private Mono<ServerResponse> pdf(Receipt receipt) {
        // PDF rendering blocks (fonts, images): off the event loop.
        return Mono.fromCallable(() -> receiptPdf.render(receipt, QrImages.png(receipt.verificationUrl(), 8)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(bytes -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .cacheControl(CacheControl.noStore())
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"receipt-" + receipt.receiptNo() + ".pdf\"")
                        .bodyValue(bytes));
    }
}
