package cn.yibao.portal.payment.web;

import cn.yibao.portal.web.api.PlainText;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.identity.StaffAccess;
import cn.yibao.portal.identity.StaffPrincipals;
import cn.yibao.portal.identity.api.StaffIdentity;
import cn.yibao.portal.identity.api.StaffRole;
import cn.yibao.portal.payment.PaymentChannels;
import cn.yibao.portal.payment.Payments;
import cn.yibao.portal.payment.Reconciling;
import cn.yibao.portal.payment.Refunds;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.shared.Money;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.JsonBodies;
import cn.yibao.portal.web.JsonBody;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.ProblemResponses;
import cn.yibao.portal.web.RequestValues;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
 * The payment operator's desk (staff with the PAYMENT_OPERATOR role), for their region and the places inside it:
 * orders a channel contradicted, bill imports with their mismatches, and refunds in two steps (see what, then
 * confirm) with a reason. Page under {@code /staff/payments}, API under {@code /api/v1/staff/payments}.
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

    private final StaffAccess access;

    PaymentOperatorRoutes(Payments payments, Reconciling reconciling, Refunds refunds, PaymentChannels channels,
                          Pages pages, StaffAccess access) {
        this.access = access;
        this.payments = payments;
        this.reconciling = reconciling;
        this.refunds = refunds;
        this.channels = channels;
        this.pages = pages;
    }

    @Bean
    RouterFunction<ServerResponse> paymentOperatorRouter() {
        return RouterFunctions.route()
                .GET("/staff/payments", request -> StaffPrincipals.handle(request, StaffRole.PAYMENT_OPERATOR, staff ->
                        desk(request, staff, Map.of(), HttpStatus.OK)))
                .POST("/staff/payments/reconciliations", request -> StaffPrincipals.handle(request,
                        StaffRole.PAYMENT_OPERATOR, staff -> request.multipartData()
                                .flatMap(parts -> importFromPage(request, staff, parts))))
                // A refund in two steps: what it would be (whom, how much, why, where the money goes), then the
                // operator's confirmation of exactly that.
                .POST("/staff/payments/refunds", request -> StaffPrincipals.handle(request, StaffRole.PAYMENT_OPERATOR,
                        staff -> request.formData().flatMap(form -> plainTextProblem(form)
                                .map(problem -> desk(request, staff, Map.of("refundRefused", problem),
                                        HttpStatus.UNPROCESSABLE_CONTENT))
                                .orElseGet(() -> refunds.preview(operator(request, staff), form.getFirst("orderNo"),
                                        form.getFirst("reason")).flatMap(outcome -> deskAfter(request, staff, outcome))))))
                .POST("/staff/payments/refunds/confirm", request -> StaffPrincipals.handle(request,
                        StaffRole.PAYMENT_OPERATOR, staff -> request.formData().flatMap(form -> plainTextProblem(form)
                                .map(problem -> desk(request, staff, Map.of("refundRefused", problem),
                                        HttpStatus.UNPROCESSABLE_CONTENT))
                                .orElseGet(() -> refunds.confirm(operator(request, staff), form.getFirst("orderNo"),
                                        form.getFirst("reason"), form.getFirst("confirmation"))
                                        .flatMap(outcome -> deskAfter(request, staff, outcome))))))
                .POST("/api/v1/staff/payments/reconciliations", request -> StaffPrincipals.handle(request,
                        StaffRole.PAYMENT_OPERATOR, staff -> importFromApi(request, staff)))
                .GET("/api/v1/staff/payments/flagged", request -> StaffPrincipals.handle(request,
                        StaffRole.PAYMENT_OPERATOR, staff -> flagged(request, staff)))
                .POST("/api/v1/staff/payments/{orderNo}/refund/preview", request -> StaffPrincipals.handle(request,
                        StaffRole.PAYMENT_OPERATOR, staff -> JsonBodies.read(request, RefundPreviewBody.class,
                                body -> refunds.preview(operator(request, staff), request.pathVariable("orderNo"),
                                        body.reason()).flatMap(outcome -> apiAnswer(request, outcome)))))
                .POST("/api/v1/staff/payments/{orderNo}/refund", request -> StaffPrincipals.handle(request,
                        StaffRole.PAYMENT_OPERATOR, staff -> JsonBodies.read(request, RefundBody.class,
                                body -> refunds.confirm(operator(request, staff), request.pathVariable("orderNo"),
                                        body.reason(), body.confirmation()).flatMap(outcome -> apiAnswer(request, outcome)))))
                .build();
    }

    /** A form's text that no refund could store (a NUL, an endless value): said on the desk, nothing asked of anyone. */
    private static java.util.Optional<Phrase> plainTextProblem(MultiValueMap<String, String> form) {
        return PlainText.check(Phrase.of("refund.field.reason"), form.getFirst("reason"), JsonBodies.MAX_TEXT)
                .or(() -> PlainText.check(Phrase.of("refund.field.orderNo"), form.getFirst("orderNo"), 64))
                .or(() -> PlainText.check(Phrase.of("refund.field.confirmation"), form.getFirst("confirmation"), 128));
    }

    @JsonBody(route = "POST /api/v1/staff/payments/{orderNo}/refund/preview", example = "{\"reason\": \"居民申请退费\"}")
    record RefundPreviewBody(String reason) {
    }

    /** {@code confirmation}: from the preview, for the second step. */
    @JsonBody(route = "POST /api/v1/staff/payments/{orderNo}/refund",
            example = "{\"reason\": \"居民申请退费\", \"confirmation\": \"…\"}")
    record RefundBody(String reason, String confirmation) {
    }

    /** The preview, the refund asked for, or why not, as the API says it. */
    private static Mono<ServerResponse> apiAnswer(ServerRequest request, Refunds.Outcome outcome) {
        if (outcome instanceof Refunds.Preview preview) {
            return ServerResponse.ok().bodyValue(PreviewAnswer.of(preview));
        }
        if (outcome instanceof Refunds.Requested requested) {
            return ServerResponse.ok().bodyValue(Map.of("refundNo", requested.refund().refundNo(),
                    "amountFen", requested.refund().amountFen(), "refundStatus", requested.refund().status(),
                    "status", requested.orderStatus().name()));
        }
        Refunds.NotPossible refused = (Refunds.NotPossible) outcome;
        return ProblemResponses.response(PaymentStatuses.of(refused.kind()), refused.message(), refused.field());
    }

    /** A refund's first step as the API shows it; {@code confirmation} goes back with the second. */
    record PreviewAnswer(String orderNo, String refundNo, List<PreviewPerson> people, long amountFen,
                         boolean wholeOrder, boolean retry, String reason, String destination, String confirmation) {

        record PreviewPerson(String personId, String maskedName, long amountFen) {
        }

        static PreviewAnswer of(Refunds.Preview preview) {
            return new PreviewAnswer(preview.order().orderNo(), preview.refundNo(), preview.people().stream()
                    .map(person -> new PreviewPerson(person.insuredId().toString(), person.maskedName(),
                            person.amountFen())).toList(), preview.amountFen(), preview.wholeOrder(), preview.retry(),
                    preview.reason(), preview.destination().name(), preview.confirmation());
        }
    }

    /** A failed refund as the desk lists it. */
    record FailedRefundLine(String refundNo, String orderNo, String amountYuan, String cause) {
    }

    /** The desk after a refund step: the preview to confirm, the refund asked for, or why not (with its status). */
    private Mono<ServerResponse> deskAfter(ServerRequest request, StaffIdentity staff, Refunds.Outcome outcome) {
        if (outcome instanceof Refunds.Preview preview) {
            return desk(request, staff, Map.of("preview", PreviewView.of(preview)), HttpStatus.OK);
        }
        if (outcome instanceof Refunds.Requested requested) {
            return desk(request, staff, Map.of("refunded", RefundOutcome.of(requested)), HttpStatus.OK);
        }
        Refunds.NotPossible refused = (Refunds.NotPossible) outcome;
        HttpStatus status = PaymentStatuses.of(refused.kind());
        return desk(request, staff, Map.of("refundRefused", refused.message()),
                status == HttpStatus.BAD_REQUEST ? HttpStatus.UNPROCESSABLE_CONTENT : status);
    }

    private Mono<ServerResponse> desk(ServerRequest request, StaffIdentity staff, Map<String, Object> extra,
                                      HttpStatus status) {
        List<String> regions = access.regionCodes(staff);
        return InTurn.zip(payments.flagged(regions).collectList(), reconciling.recent(regions, 10).collectList(),
                        refunds.failed(regions, 20).map(failed -> new FailedRefundLine(failed.refundNo(),
                                failed.orderNo(), Money.yuan(failed.amountFen()), failed.cause().name())).collectList())
                .flatMap(all -> {
                    Map<String, Object> model = new HashMap<>(extra);
                    model.put("flagged", all.getT1());
                    model.put("runs", all.getT2());
                    model.put("failedRefunds", all.getT3());
                    model.put("channels", channels.enabled());
                    return pages.render(request, "staff/payments", model, status);
                });
    }

    private Mono<ServerResponse> importFromPage(ServerRequest request, StaffIdentity staff,
                                                MultiValueMap<String, Part> parts) {
        PaymentChannelId channel = channel(field(parts, "channel"));
        LocalDate day = date(field(parts, "date"));
        if (channel == null || day == null || !(parts.getFirst("bill") instanceof FilePart file)) {
            return desk(request, staff, Map.of("importError", Phrase.of("ops.import.missing")),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return DataBufferUtils.join(file.content(), MAX_BILL).map(RequestValues::bytes)
                .flatMap(bill -> reconciling.importBill(channel, day, bill, staff, RequestOrigin.of(request.exchange())))
                .flatMap(report -> desk(request, staff, report.error() != null ? Map.of("importError", report.error())
                        : Map.of("report", report), report.error() != null ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK));
    }

    /** The orders of the operator's regions up for review, each with why, in the caller's language. */
    private Mono<ServerResponse> flagged(ServerRequest request, StaffIdentity staff) {
        return payments.flagged(access.regionCodes(staff))
                .map(order -> Map.of("orderNo", order.orderNo(), "status", order.status().name(),
                        "amountFen", order.amountFen(), "reviewReason", RequestWords.say(request, order.reviewReason())))
                .collectList().flatMap(list -> ServerResponse.ok().bodyValue(list));
    }

    private Mono<ServerResponse> importFromApi(ServerRequest request, StaffIdentity staff) {
        PaymentChannelId channel = channel(request.queryParam("channel").orElse(null));
        LocalDate day = date(request.queryParam("date").orElse(null));
        if (channel == null) {
            return ProblemResponses.response(HttpStatus.BAD_REQUEST, Phrase.of("ops.import.api.channel"), "channel");
        }
        if (day == null) {
            return ProblemResponses.response(HttpStatus.BAD_REQUEST, Phrase.of("ops.import.api.date"), "date");
        }
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), MAX_BILL).map(RequestValues::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(bill -> reconciling.importBill(channel, day, bill, staff, RequestOrigin.of(request.exchange())))
                .flatMap(report -> report.error() != null
                        ? ProblemResponses.response(HttpStatus.UNPROCESSABLE_CONTENT, report.error(), "bill")
                        : ServerResponse.ok().bodyValue(ReportBody.of(report, RequestWords.sayer(request))));
    }

    /** An imported bill's report as the API gives it: each mismatch's resolution said in the caller's language. */
    record ReportBody(UUID runId, PaymentChannelId channel, LocalDate billDate, int lines, List<MismatchBody> mismatches,
                      int otherRegions) {

        static ReportBody of(Reconciling.Report report, Function<Phrase, String> say) {
            return new ReportBody(report.runId(), report.channel(), report.billDate(), report.lines(),
                    report.mismatches().stream().map(m -> new MismatchBody(m.kind(), m.orderNo(), m.channelFen(),
                            m.ourFen(), say.apply(m.resolution()))).toList(), report.otherRegions());
        }
    }

    record MismatchBody(String kind, String orderNo, Long channelFen, Long ourFen, String resolution) {
    }

    private static Refunds.Operator operator(ServerRequest request, StaffIdentity staff) {
        return new Refunds.Operator(staff, RequestOrigin.of(request.exchange()));
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

    /** A refund's first step as the desk shows it, with the form that confirms it. */
    record PreviewView(String orderNo, String refundNo, List<PersonLine> people, String amountYuan, boolean wholeOrder,
                       boolean retry, String reason, String destination, String channel, String confirmation) {

        record PersonLine(String maskedName, String amountYuan) {
        }

        static PreviewView of(Refunds.Preview preview) {
            return new PreviewView(preview.order().orderNo(), preview.refundNo(), preview.people().stream()
                    .map(person -> new PersonLine(person.maskedName(), Money.yuan(person.amountFen()))).toList(),
                    Money.yuan(preview.amountFen()), preview.wholeOrder(), preview.retry(), preview.reason(),
                    preview.destination().name(), preview.order().channel().name(), preview.confirmation());
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
