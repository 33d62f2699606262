package cn.yibao.portal.payment.web;

import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.payment.OrderParts;
import cn.yibao.portal.payment.PaymentItem;
import cn.yibao.portal.payment.Payments;
import cn.yibao.portal.payment.Receipts;
import cn.yibao.portal.payment.Refunds;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.PaymentOrder;
import cn.yibao.portal.payment.domain.Receipt;
import cn.yibao.portal.payment.domain.RefundRules;
import cn.yibao.portal.qrcode.QrImages;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Money;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.web.Pages;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * An order as its payer sees it: the result page ("确认中" until the order is final, then the receipts), its people
 * and refunds as lines, and one of its receipts.
 */
@Component
class OrderViews {

    /** Web-session attribute prefix: an order's WeChat JSAPI parameters, by order id. */
    static final String JSAPI = "portal.wechat.jsapi.";

    private final Payments payments;
    private final Receipts receipts;
    private final PaymentPeople people;
    private final PayLinks payLinks;
    private final Pages pages;

    OrderViews(Payments payments, Receipts receipts, PaymentPeople people, PayLinks payLinks, Pages pages) {
        this.payments = payments;
        this.receipts = receipts;
        this.people = people;
        this.payLinks = payLinks;
        this.pages = pages;
    }

    /**
     * What the result page says about the order (issue #17, item 3): {@code phase} names what happened, what happens
     * next and what to do — an online order not paid yet (pay, or wait if just paid), cash waiting for the worker,
     * paid, closed or failed without a charge, a refund under way, done or failed.
     */
    static String phase(PaymentOrder order) {
        if (order.status().isOpen()) {
            return order.channel().online() ? "OPEN_ONLINE" : "OPEN_CASH";
        }
        return order.status().name();
    }

    Mono<ServerResponse> result(ServerRequest request, Resident me, PaymentOrder order, Phrase cashError) {
        Mono<Optional<Map<String, String>>> jsapiOfOrder = request.session()
                .map(session -> Optional.ofNullable(session.<Map<String, String>>getAttribute(JSAPI + order.id())))
                .defaultIfEmpty(Optional.empty());
        return InTurn.zip(payments.partsOf(order), jsapiOfOrder, people.relations(me))
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
                                    PaymentPeople.relationOf(relations, insuredOf(parts, order, receipt.receiptNo()))))
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
                        String url = PaymentApiRoutes.baseUrl(request) + "/pay/" + payLinks.tokenFor(order);
                        model.put("payLinkSvg", QrImages.svg(url));
                        model.put("payLinkUrl", url);
                    }
                    return pages.render(request, "payment/result", model);
                });
    }

    /** The order's receipt with this number, with whose it is (relation to the payer); empty when it has none such. */
    Mono<Receipt> receipt(ServerRequest request, Resident me, PaymentOrder order, String receiptNo) {
        return InTurn.zip(payments.partsOf(order), people.relations(me))
                .flatMap(found -> Mono.justOrEmpty(receipts.of(order, found.getT1(), PaymentApiRoutes.baseUrl(request))
                        .stream().filter(receipt -> receipt.receiptNo().equals(receiptNo)).findFirst()
                        .map(receipt -> receipt.withRelation(PaymentPeople.relationOf(found.getT2(),
                                insuredOf(found.getT1(), order, receiptNo))))));
    }

    private static UUID insuredOf(OrderParts parts, PaymentOrder order, String receiptNo) {
        return parts.itemsOf(order).stream().filter(item -> receiptNo.equals(item.receiptNo()))
                .map(PaymentItem::insuredId).findFirst().orElse(null);
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
                                        PaymentPeople.relationOf(relations, item.insuredId())))
                                .toList(),
                        order.benefitYear()))
                .toList();
    }

    static List<ItemLine> lines(PaymentOrder order, OrderParts parts, Map<UUID, String> relations) {
        Map<String, String> refundStatuses = parts.refundsOf(order).stream()
                .collect(Collectors.toMap(Refunds.Refund::refundNo, Refunds.Refund::status));
        return parts.itemsOf(order).stream()
                .filter(item -> parts.person(item.insuredId()).isPresent())
                .map(item -> new ItemLine(parts.maskedName(item.insuredId()),
                        PaymentPeople.relationOf(relations, item.insuredId()),
                        Money.yuan(item.amountFen()),
                        RefundRules.shownState(item.state(),
                                item.refundNo() == null ? null : refundStatuses.get(item.refundNo()))))
                .sorted(Comparator.comparingInt(line -> PaymentPeople.relationRank(line.relation())))
                .toList();
    }
}
