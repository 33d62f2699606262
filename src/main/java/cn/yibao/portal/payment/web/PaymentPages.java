package cn.yibao.portal.payment.web;

import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.text.domain.Phrase;
import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.audit.RequestOrigin;
import cn.yibao.portal.contribution.ContributionQuotes;
import cn.yibao.portal.contribution.HouseholdContributions;
import cn.yibao.portal.contribution.domain.QuoteResult;
import cn.yibao.portal.payment.OrderRequest;
import cn.yibao.portal.payment.PaymentActor;
import cn.yibao.portal.payment.PaymentChannels;
import cn.yibao.portal.payment.CashAtCounter;
import cn.yibao.portal.payment.OrderParts;
import cn.yibao.portal.payment.Payments;
import cn.yibao.portal.payment.PlacingOrders;
import cn.yibao.portal.payment.ReceiptPdf;
import cn.yibao.portal.payment.Receipts;
import cn.yibao.portal.payment.Refunds;
import cn.yibao.portal.payment.domain.ChannelChoice;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.Receipt;
import cn.yibao.portal.payment.domain.RefundRules;
import cn.yibao.portal.policy.domain.Money;
import cn.yibao.portal.qrcode.QrImages;
import cn.yibao.portal.qrcode.domain.CodePurpose;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.domain.Resident;
import cn.yibao.portal.text.domain.Phrase;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.RequestValues;
import cn.yibao.portal.web.domain.ClientKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The payment pages: choose people and channel → confirm the amount → the channel → a result page that shows
 * "确认中" until the order is final, then the receipts. The form carries a one-time key, so a double submit or a
 * back-and-resubmit gives the same order.
 */
@Configuration(proxyBeanMethods = false)
class PaymentPages {

    private final PlacingOrders placing;
    private final Payments payments;
    private final Receipts receipts;
    private final ReceiptPdf receiptPdf;
    private final PaymentChannels channels;
    private final ContributionQuotes quotes;
    private final HouseholdContributions household;
    private final Family family;
    private final CurrentResident currentResident;
    private final Pages pages;
    private final cn.yibao.portal.qrcode.Codes codes;
    private final CashAtCounter cash;
    private final cn.yibao.portal.clock.BusinessClock clock;
    private final WechatPayer wechatPayer;
    private final cn.yibao.portal.payment.AskingTheChannel asking;

    /** Web-session attribute prefix: an order's WeChat JSAPI parameters, by order id. */
    static final String JSAPI = "portal.wechat.jsapi.";

    PaymentPages(CashAtCounter cash, cn.yibao.portal.qrcode.Codes codes, cn.yibao.portal.clock.BusinessClock clock, PlacingOrders placing, Payments payments, Receipts receipts, ReceiptPdf receiptPdf,
                 PaymentChannels channels, ContributionQuotes quotes, HouseholdContributions household, Family family, CurrentResident currentResident, Pages pages, WechatPayer wechatPayer,
                 cn.yibao.portal.payment.AskingTheChannel asking) {
        this.asking = asking;
        this.wechatPayer = wechatPayer;
        this.cash = cash;
        this.codes = codes;
        this.clock = clock;
        this.placing = placing;
        this.payments = payments;
        this.receipts = receipts;
        this.receiptPdf = receiptPdf;
        this.channels = channels;
        this.quotes = quotes;
        this.household = household;
        this.family = family;
        this.currentResident = currentResident;
        this.pages = pages;
    }

    @Bean
    RouterFunction<ServerResponse> paymentPageRouter() {
        return RouterFunctions.route()
                .GET("/payment/new", request -> currentResident.handle(request, me -> {
                    int year = year(request.queryParam("year"));
                    // Inside WeChat, JSAPI needs the payer's openid: WeChat's silent authorization comes first.
                    return wechatPayer.authorizationFirst(request, "/payment/new?year=" + year)
                            .flatMap(authorize -> ServerResponse.seeOther(authorize).build())
                            .switchIfEmpty(Mono.defer(() -> choose(request, me, year, null)));
                }))
                .POST("/payment/review", request -> currentResident.handle(request, me -> request.formData()
                        .flatMap(form -> review(request, me, form))))
                .POST("/payment", request -> currentResident.handle(request, me -> request.formData()
                        .flatMap(form -> place(request, me, form))))
                .GET("/pay/{token}", this::payLink)
                .POST("/payment/{id}/cash", request -> withOrder(request, (me, order) -> request.formData()
                        .flatMap(form -> cash.record(request, order, form.getFirst("receiptNo")))
                        .doOnNext(error -> PaymentApiRoutes.noted(request, order))
                        .flatMap(error -> error.isEmpty()
                                ? ServerResponse.seeOther(URI.create("/payment/" + order.id())).build()
                                : result(request, me, order, error))))
                .GET("/payments", request -> currentResident.handle(request, me -> history(request, me)))
                // Back from the channel, or still waiting: ask the channel once, so that a payment made or cancelled
                // there shows at once, not when its notification arrives.
                .GET("/payment/{id}", request -> withOrder(request, (me, order) -> asking.refreshed(order)
                        .flatMap(current -> result(request, me, current))))
                // Polled every 2 s by the open page: read from the database only. Asking the channel on every poll
                // would send each waiting payer's order query to WeChat Pay or Alipay every 2 s; the page load has
                // asked once, and the notification or the sweeper settles the rest.
                .GET("/payment/{id}/status", request -> withOrder(request, (me, order) -> Mono.just(order)
                        .flatMap(current -> ServerResponse.ok()
                                .cacheControl(CacheControl.noStore())
                                .bodyValue(Map.of("status", current.status().name(),
                                        "final", !current.status().isOpen())))))
                .GET("/payment/{id}/receipts/{file}", request -> withOrder(request, (me, order) ->
                        receipt(request, me, order, request.pathVariable("file"))))
                .build();
    }

    interface OrderHandler {
        Mono<ServerResponse> handle(Resident me, PaymentOrder order);
    }

    private Mono<ServerResponse> withOrder(ServerRequest request, OrderHandler handler) {
        return currentResident.handle(request, me -> Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                .flatMap(id -> payments.findFor(me, id))
                .flatMap(order -> handler.handle(me, order))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request))));
    }

    private int year(Optional<String> text) {
        return text.filter(y -> y.matches("\\d{4}")).map(Integer::valueOf)
                .filter(quotes.benefitYears()::contains).orElse(quotes.currentBenefitYear());
    }

    /** A person on the choose page: who, how much, and whether they can be chosen. */
    record PersonRow(String value, String maskedName, String relation, String dueYuan, String status, String note,
                     Phrase reason) {
    }

    record ChannelOption(String id, boolean checked) {
    }

    private Mono<ServerResponse> choose(ServerRequest request, Resident me, int year, String error) {
        return household.withOrders(me, year)
                .flatMap(people -> {
                    List<PersonRow> rows = people.stream().map(PaymentPages::row).toList();
                    Map<String, Object> model = new HashMap<>();
                    model.put("year", year);
                    model.put("years", quotes.benefitYears());
                    model.put("people", rows);
                    List<ChannelOption> options = channelOptions(request, null);
                    model.put("channels", options);
                    if (options.isEmpty()) {
                        model.put("notOffered", channels.notOfferedOnline(request.exchange().getLocaleContext().getLocale()));
                    }
                    model.put("key", UUID.randomUUID().toString());
                    model.put("error", error);
                    return pages.render(request, "payment/new", model);
                });
    }

    private static PersonRow row(HouseholdContributions.Member person) {
        QuoteResult quote = person.quote();
        var mark = person.order();
        String value = person.relation().equals("SELF") ? "SELF" : person.person().id().toString();
        String name = person.person().maskedName();
        if (mark != null) {
            return new PersonRow(value, name, person.relation(), null, mark.paid() ? "PAID" : "OPEN",
                    mark.orderId().toString(), null);
        }
        if (quote instanceof QuoteResult.Quoted quoted) {
            if (!quoted.quote().payable()) {
                return new PersonRow(value, name, person.relation(), Money.yuan(quoted.quote().dueFen()), "BLOCKED",
                        null, quoted.quote().reason());
            }
            if (quoted.quote().dueFen() <= 0) {
                return new PersonRow(value, name, person.relation(), "0", "FREE", null, null);
            }
            return new PersonRow(value, name, person.relation(), Money.yuan(quoted.quote().dueFen()), "PAYABLE", null, null);
        }
        Phrase reason = quote instanceof QuoteResult.NoPolicy noPolicy ? noPolicy.reason()
                : ((QuoteResult.Rejected) quote).reason();
        return new PersonRow(value, name, person.relation(), null, "BLOCKED", null, reason);
    }

    /** Inside WeChat WeChat Pay and not Alipay, inside Alipay Alipay and not WeChat Pay: a webview can only pay with its own. */
    private List<ChannelOption> channelOptions(ServerRequest request, String chosen) {
        ClientKind client = ClientKind.fromUserAgent(request.headers().firstHeader(HttpHeaders.USER_AGENT));
        PaymentChannelId preferred = chosen != null ? PaymentChannelId.valueOf(chosen) : channels.defaultFor(client);
        return ChannelChoice.offeredIn(client, channels.offered(CurrentResident.isAssisted(request))).stream()
                .map(id -> new ChannelOption(id.name(), id == preferred)).toList();
    }

    /**
     * How each person an order may name relates to the resident (SELF, SPOUSE, CHILD…), so that two "王**" are never
     * confused where money is confirmed; {@code FAMILY} for someone no longer bound.
     */
    private Mono<Map<UUID, String>> relations(Resident me) {
        return family.activeMembersOf(me).collectMap(member -> member.person().id(), member -> member.relation().name())
                .map(found -> {
                    Map<UUID, String> all = new HashMap<>(found);
                    all.put(me.id(), "SELF");
                    return all;
                });
    }

    static String relationOf(Map<UUID, String> relations, UUID person) {
        return relations.getOrDefault(person, "FAMILY");
    }

    /** {@code actor} may be null for a preview, which changes nothing; {@code openId} is WeChat's, when known. */
    private OrderRequest orderRequest(ServerRequest request, MultiValueMap<String, String> form, PaymentActor actor,
                                      String openId) {
        List<String> insured = Optional.ofNullable(form.get("insured")).orElse(List.of());
        PaymentChannelId channel = channelOf(form.getFirst("channel"));
        ClientKind client = ClientKind.fromUserAgent(request.headers().firstHeader(HttpHeaders.USER_AGENT));
        return new OrderRequest(year(Optional.ofNullable(form.getFirst("year"))), insured, channel, null,
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

    record Line(String maskedName, String relation, String amountYuan, String standardYuan, String assistanceYuan,
                String citation) {
    }

    private Mono<ServerResponse> review(ServerRequest request, Resident me, MultiValueMap<String, String> form) {
        OrderRequest order = orderRequest(request, form, null, null);
        if (order.insured().isEmpty()) {
            return choose(request, me, order.year(), RequestWords.say(request, Phrase.of("order.refused.nobody")));
        }
        return InTurn.zip(placing.preview(me, order), relations(me)).flatMap(both -> {
            var preview = both.getT1();
            Map<UUID, String> relations = both.getT2();
            if (preview instanceof PlacingOrders.Refusal refusal) {
                return choose(request, me, order.year(), RequestWords.say(request, refusal.message()));
            }
            PlacingOrders.Preview plan = (PlacingOrders.Preview) preview;
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < plan.plan().lines().size(); i++) {
                var line = plan.plan().lines().get(i);
                lines.add(new Line(plan.people().get(i).maskedName(),
                        relationOf(relations, plan.people().get(i).id()), Money.yuan(line.amountFen()),
                        Money.yuan(line.quote().standardFen()), Money.yuan(line.quote().assistanceFen()),
                        String.join("；", line.quote().citations().stream().map(c -> c.document()).distinct().toList())));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("year", order.year());
            model.put("lines", lines);
            model.put("totalYuan", Money.yuan(plan.plan().totalFen()));
            model.put("insured", order.insured());
            model.put("channel", order.channel().name());
            model.put("key", Optional.ofNullable(form.getFirst("key")).filter(k -> k.length() <= 64)
                    .orElse(UUID.randomUUID().toString()));
            return pages.render(request, "payment/review", model);
        });
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
                return choose(request, me, order.year(), RequestWords.say(request, refusal.message()));
            }
            PlacingOrders.Placement placement = (PlacingOrders.Placement) placed;
            PaymentOrder placedOrder = placement.order();
            PaymentApiRoutes.noted(request, placedOrder);
            if (!placement.jsapiParameters().isEmpty()) {
                // WeChat JSAPI: the payer stays on our result page, which hands these to WeChat.
                return request.session()
                        .doOnNext(session -> session.getAttributes().put(JSAPI + placedOrder.id(),
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

    private Mono<ServerResponse> result(ServerRequest request, Resident me, PaymentOrder order) {
        return result(request, me, order, null);
    }

    /**
     * What the result page says about the order: {@code phase} names what happened, what happens
     * next and what to do — an online order not paid yet (pay, or wait if just paid), cash waiting for the worker,
     * paid, closed or failed without a charge, a refund under way, done or failed.
     */
    static String phase(PaymentOrder order) {
        if (order.status().isOpen()) {
            return order.channel().online() ? "OPEN_ONLINE" : "OPEN_CASH";
        }
        return order.status().name();
    }

    private Mono<ServerResponse> result(ServerRequest request, Resident me, PaymentOrder order, String cashError) {
        Mono<Optional<Map<String, String>>> jsapiOfOrder = request.session()
                .map(session -> Optional.ofNullable(session.<Map<String, String>>getAttribute(JSAPI + order.id())))
                .defaultIfEmpty(Optional.empty());
        return InTurn.zip(payments.partsOf(order), jsapiOfOrder, relations(me))
                .flatMap(found -> {
                    OrderParts parts = found.getT1();
                    Map<String, String> jsapi = found.getT2().orElse(null);
                    Map<UUID, String> relations = found.getT3();
                    Map<String, Object> model = new HashMap<>();
                    model.put("order", order);
                    model.put("phase", phase(order));
                    model.put("amountYuan", Money.yuan(order.amountFen()));
                    model.put("people", lines(order, parts, relations));
                    model.put("refunds", refundLines(order, parts, relations));
                    model.put("receipts", receipts.of(order, parts, PaymentApiRoutes.baseUrl(request)).stream()
                            .map(receipt -> new ReceiptLink(receipt.receiptNo(), receipt.insuredName(),
                                    relationOf(relations, insuredOf(parts, order, receipt.receiptNo()))))
                            .toList());
                    model.put("pending", order.status().isOpen());
                    model.put("expiresAt", order.expiresAt());
                    if (jsapi != null && order.status().isOpen()) {
                        model.put("jsapi", jsapi);
                    }
                    model.put("cashError", cashError);
                    model.put("cashForm", order.status().isOpen() && order.channel() == PaymentChannelId.CASH
                            && CurrentResident.isAssisted(request));
                    if (order.status().isOpen() && order.payUrl() != null && order.channel().online()
                            && CurrentResident.isAssisted(request)) {
                        var link = codes.issue(CodePurpose.PAY_LINK, order.id(),
                                java.time.Duration.between(clock.now(), order.expiresAt()).isNegative()
                                        ? java.time.Duration.ofMinutes(1)
                                        : java.time.Duration.between(clock.now(), order.expiresAt()));
                        String url = PaymentApiRoutes.baseUrl(request) + "/pay/" + link.token();
                        model.put("payLinkSvg", QrImages.svg(url));
                        model.put("payLinkUrl", url);
                    }
                    return pages.render(request, "payment/result", model);
                });
    }

    private static UUID insuredOf(OrderParts parts, PaymentOrder order, String receiptNo) {
        return parts.itemsOf(order).stream().filter(item -> receiptNo.equals(item.receiptNo()))
                .map(cn.yibao.portal.payment.PaymentItem::insuredId).findFirst().orElse(null);
    }

    /** A receipt of the order as the result page links it: whose (masked name and relation), and its number. */
    record ReceiptLink(String receiptNo, String insuredName, String relation) {
    }

    /** A person in an order: masked name and how they relate to the payer, amount, and their state in it. */
    record ItemLine(String maskedName, String relation, String amountYuan, String state) {
    }

    /** A person a refund returns money for: masked name and relation. */
    record RefundPerson(String maskedName, String relation) {
    }

    /**
     * A refund as the payer reads it: how much, for whom, its state, when asked for and when done, why, where the
     * money goes, and ({@code cause}) whether it takes away cover (an operator's refund) or not (a double payment).
     */
    record RefundLine(String refundNo, String amountYuan, String status, String cause, String reason,
                      Instant requestedAt, Instant completedAt, String destination, String channel,
                      List<RefundPerson> people, int year) {
    }

    private static List<RefundLine> refundLines(PaymentOrder order, OrderParts parts, Map<UUID, String> relations) {
        return parts.refundsOf(order).stream().map(refund -> new RefundLine(refund.refundNo(),
                        Money.yuan(refund.amountFen()), refund.status(), refund.cause().name(), refund.reason(),
                        refund.requestedAt(), "SUCCEEDED".equals(refund.status()) ? refund.updatedAt() : null,
                        RefundRules.destination(order.channel()).name(), order.channel().name(),
                        parts.itemsOf(order).stream().filter(item -> refund.refundNo().equals(item.refundNo()))
                                .map(item -> new RefundPerson(parts.maskedName(item.insuredId()),
                                        relationOf(relations, item.insuredId())))
                                .toList(),
                        order.benefitYear()))
                .toList();
    }

    private static List<ItemLine> lines(PaymentOrder order, OrderParts parts, Map<UUID, String> relations) {
        Map<String, String> refundStatuses = parts.refundsOf(order).stream()
                .collect(java.util.stream.Collectors.toMap(Refunds.Refund::refundNo, Refunds.Refund::status));
        return parts.itemsOf(order).stream()
                .filter(item -> parts.person(item.insuredId()).isPresent())
                .map(item -> new ItemLine(parts.maskedName(item.insuredId()), relationOf(relations, item.insuredId()),
                        Money.yuan(item.amountFen()),
                        RefundRules.shownState(item.state(),
                                item.refundNo() == null ? null : refundStatuses.get(item.refundNo()))))
                .sorted(java.util.Comparator.comparingInt(line -> relationRank(line.relation())))
                .toList();
    }

    /** The payer first, then the household as the family page lists it. */
    private static final List<String> RELATION_ORDER = List.of("SELF", "SPOUSE", "PARENT", "CHILD", "OTHER", "FAMILY");

    private static int relationRank(String relation) {
        int rank = RELATION_ORDER.indexOf(relation);
        return rank < 0 ? RELATION_ORDER.size() : rank;
    }

    /**
     * A PAY_LINK code scanned by the resident's own phone: straight to the channel while the order is open. Public
     * (the phone need not be signed in); the code is signed, short-lived and names one order.
     */
    private Mono<ServerResponse> payLink(ServerRequest request) {
        return codes.verify(request.pathVariable("token"), java.util.Set.of(CodePurpose.PAY_LINK))
                .flatMap(checked -> checked instanceof cn.yibao.portal.qrcode.domain.CodeTokens.Verified verified
                        ? payments.byId(verified.code().subject())
                        : Mono.empty())
                .filter(order -> order.status().isOpen() && order.payUrl() != null)
                .flatMap(order -> ServerResponse.seeOther(URI.create(order.payUrl())).build())
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request)));
    }

    private Mono<ServerResponse> history(ServerRequest request, Resident me) {
        return payments.ofPayer(me, null).collectList()
                .flatMap(orders -> InTurn.zip(payments.partsOf(orders), relations(me)).map(found -> orders.stream()
                        .map(order -> Map.of("order", order, "amountYuan", Money.yuan(order.amountFen()),
                                "people", lines(order, found.getT1(), found.getT2())))
                        .toList()))
                .flatMap(orders -> pages.render(request, "payment/history", Map.of("orders", orders)));
    }

    private Mono<ServerResponse> receipt(ServerRequest request, Resident me, PaymentOrder order, String file) {
        boolean pdf = file.endsWith(".pdf");
        String receiptNo = pdf ? file.substring(0, file.length() - 4) : file;
        return InTurn.zip(payments.partsOf(order), relations(me))
                .flatMap(found -> Mono.justOrEmpty(receipts.of(order, found.getT1(), PaymentApiRoutes.baseUrl(request))
                        .stream().filter(receipt -> receipt.receiptNo().equals(receiptNo)).findFirst()
                        .map(receipt -> receipt.withRelation(relationOf(found.getT2(),
                                insuredOf(found.getT1(), order, receiptNo))))))
                .flatMap(receipt -> pdf ? pdf(receipt) : receiptPage(request, order, receipt))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request)));
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
