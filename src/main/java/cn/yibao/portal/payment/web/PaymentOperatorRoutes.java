package cn.yibao.portal.payment.web;

import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.identity.StaffPrincipals;
import cn.yibao.portal.identity.domain.StaffRole;
import cn.yibao.portal.payment.PaymentActor;
import cn.yibao.portal.identity.domain.StaffIdentity;
import cn.yibao.portal.payment.PaymentChannels;
import cn.yibao.portal.payment.Payments;
import cn.yibao.portal.payment.Reconciling;
import cn.yibao.portal.payment.Refunds;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.policy.domain.Money;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.ProblemResponses;
import cn.yibao.portal.web.RequestValues;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The payment operator's desk (staff with the PAYMENT_OPERATOR role): orders a channel contradicted, bill
 * imports with their mismatches, and refunds with a reason. Page under {@code /staff/payments}, API under
 * {@code /api/v1/staff/payments}.
 */
@Configuration(proxyBeanMethods = false)
class PaymentOperatorRoutes {

    /** Daily bills are a few hundred kilobytes at most for one merchant. */
    private static final int MAX_BILL = 5 * 1024 * 1024;

    private final Payments payments;
    private final Reconciling reconciling;
    private final Refunds refunds;
    private final PaymentChannels channels;
    private final Pages pages;

    PaymentOperatorRoutes(Payments payments, Reconciling reconciling, Refunds refunds, PaymentChannels channels,
                          Pages pages) {
        this.payments = payments;
        this.reconciling = reconciling;
        this.refunds = refunds;
        this.channels = channels;
        this.pages = pages;
    }

    @Bean
    RouterFunction<ServerResponse> paymentOperatorRouter() {
        return RouterFunctions.route()
                .GET("/staff/payments", request -> StaffPrincipals.handle(request, StaffRole.PAYMENT_OPERATOR, staff -> desk(request, Map.of())))
                .POST("/staff/payments/reconciliations", request -> StaffPrincipals.handle(request, StaffRole.PAYMENT_OPERATOR, staff ->
                        request.multipartData().flatMap(parts -> importFromPage(request, staff, parts))))
                .POST("/staff/payments/refunds", request -> StaffPrincipals.handle(request, StaffRole.PAYMENT_OPERATOR, staff -> request.formData()
                        .flatMap(form -> refunds.byOperator(actor(request, staff), null, form.getFirst("reason"),
                                        form.getFirst("orderNo"))
                                .flatMap(outcome -> desk(request, outcome instanceof Refunds.Requested requested
                                        ? Map.of("refunded", RefundOutcome.of(requested))
                                        : Map.of("refundRefused", ((Refunds.NotPossible) outcome).message()))))))
                .POST("/api/v1/staff/payments/reconciliations", request -> StaffPrincipals.handle(request, StaffRole.PAYMENT_OPERATOR, staff -> importFromApi(request, staff)))
                .GET("/api/v1/staff/payments/flagged", request -> StaffPrincipals.handle(request, StaffRole.PAYMENT_OPERATOR, staff -> payments.flagged()
                        .map(order -> Map.of("orderNo", order.orderNo(), "status", order.status().name(),
                                "amountFen", order.amountFen(), "reviewReason", order.reviewReason()))
                        .collectList().flatMap(list -> ServerResponse.ok().bodyValue(list))))
                .POST("/api/v1/staff/payments/{orderNo}/refund", request -> StaffPrincipals.handle(request, StaffRole.PAYMENT_OPERATOR, staff ->
                        request.bodyToMono(RefundBody.class).onErrorResume(e -> Mono.just(new RefundBody(null)))
                                .defaultIfEmpty(new RefundBody(null))
                                .flatMap(body -> refunds.byOperator(actor(request, staff), null, body.reason(),
                                        request.pathVariable("orderNo")))
                                .flatMap(outcome -> outcome instanceof Refunds.Requested requested
                                        ? ServerResponse.ok().bodyValue(Map.of("refundNo", requested.refund().refundNo(),
                                                "amountFen", requested.refund().amountFen(),
                                                "refundStatus", requested.refund().status(),
                                                "status", requested.orderStatus().name()))
                                        : ProblemResponses.fieldProblem(HttpStatus.CONFLICT,
                                                ((Refunds.NotPossible) outcome).message(), "orderNo"))))
                .build();
    }

    record RefundBody(String reason) {
    }


    /** A failed refund as the desk lists it. */
    record FailedRefundLine(String refundNo, String orderNo, String amountYuan, String cause) {
    }

    private Mono<ServerResponse> desk(ServerRequest request, Map<String, Object> extra) {
        return InTurn.zip(payments.flagged().collectList(), reconciling.recent(10).collectList(),
                        refunds.failed(20).map(failed -> new FailedRefundLine(failed.refundNo(), failed.orderNo(),
                                Money.yuan(failed.amountFen()), failed.cause().name())).collectList())
                .flatMap(all -> {
                    Map<String, Object> model = new HashMap<>(extra);
                    model.put("flagged", all.getT1());
                    model.put("runs", all.getT2());
                    model.put("failedRefunds", all.getT3());
                    model.put("channels", channels.enabled());
                    return pages.render(request, "staff/payments", model);
                });
    }

    private Mono<ServerResponse> importFromPage(ServerRequest request, StaffIdentity staff,
                                                MultiValueMap<String, Part> parts) {
        PaymentChannelId channel = channel(field(parts, "channel"));
        LocalDate day = date(field(parts, "date"));
        if (channel == null || day == null || !(parts.getFirst("bill") instanceof FilePart file)) {
            return desk(request, Map.of("importError", "请选择支付渠道、账单日期和账单文件。"));
        }
        return DataBufferUtils.join(file.content(), MAX_BILL).map(RequestValues::bytes)
                .flatMap(bill -> reconciling.importBill(channel, day, bill, actor(request, staff)))
                .flatMap(report -> desk(request, report.error() != null ? Map.of("importError", report.error())
                        : Map.of("report", report)));
    }

    private Mono<ServerResponse> importFromApi(ServerRequest request, StaffIdentity staff) {
        PaymentChannelId channel = channel(request.queryParam("channel").orElse(null));
        LocalDate day = date(request.queryParam("date").orElse(null));
        if (channel == null) {
            return ProblemResponses.response(HttpStatus.BAD_REQUEST, "参数 channel 应为 SANDBOX、WECHAT_PAY 或 ALIPAY。", "channel");
        }
        if (day == null) {
            return ProblemResponses.response(HttpStatus.BAD_REQUEST, "参数 date 应为账单日期，例如 2023-10-15。", "date");
        }
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), MAX_BILL).map(RequestValues::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(bill -> reconciling.importBill(channel, day, bill, actor(request, staff)))
                .flatMap(report -> report.error() != null
                        ? ProblemResponses.fieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, report.error(), "bill")
                        : ServerResponse.ok().bodyValue(report));
    }

    private static PaymentActor actor(ServerRequest request, StaffIdentity staff) {
        return PaymentActor.staff(staff.staffId(), RequestOrigin.of(request.exchange()));
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart field ? field.value() : null;
    }

    private static PaymentChannelId channel(String text) {
        try {
            return text == null ? null : PaymentChannelId.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A refund asked for from the desk, as the page says it (statuses through the message bundles). */
    record RefundOutcome(String refundNo, String amountYuan, String status, String orderStatus) {

        static RefundOutcome of(Refunds.Requested requested) {
            return new RefundOutcome(requested.refund().refundNo(), Money.yuan(requested.refund().amountFen()),
                    requested.refund().status(), requested.orderStatus().name());
        }
    }
}
