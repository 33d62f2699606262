package cn.yibao.portal.payment.channel.sandbox;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.payment.channel.BillFormatException;
import cn.yibao.portal.payment.channel.NotificationAnswer;
import cn.yibao.portal.payment.channel.NotificationRequest;
import cn.yibao.portal.payment.channel.PaymentChannel;
import cn.yibao.portal.payment.domain.BillLine;
import cn.yibao.portal.payment.domain.ChannelNotice;
import cn.yibao.portal.payment.domain.ChannelOrder;
import cn.yibao.portal.payment.domain.ChannelOutcome;
import cn.yibao.portal.payment.domain.ChannelQuery;
import cn.yibao.portal.payment.domain.Checkout;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.RefundAnswer;
import cn.yibao.portal.payment.domain.RefundRequest;
import cn.yibao.portal.shared.Phrase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox channel as the portal sees it: it talks to the sandbox's books the way the real channels are talked
 * to over HTTP, and checks the sandbox's notifications with the sandbox's public key like any other channel's.
 */
@Component
@ConditionalOnProperty(name = "portal.payment.sandbox.enabled", havingValue = "true")
class SandboxChannel implements PaymentChannel {

    static final String SIGNATURE = "X-Sandbox-Signature";
    static final String TIMESTAMP = "X-Sandbox-Timestamp";
    static final String NONCE = "X-Sandbox-Nonce";

    private final SandboxBooks books;
    private final SandboxSignatures signatures;
    private final SandboxSettings settings;
    private final JsonMapper json;
    private final Clock businessTime;
    /** Signed timestamps are wall-clock time, whatever the business date. */
    private final Clock wallClock;

    /** The sandbox lives in the portal's business time, so that its bills and the portal's orders share days. */
    @Autowired
    SandboxChannel(SandboxBooks books, SandboxSettings settings, JsonMapper json, BusinessClock clock) {
        this(books, SandboxSignatures.loadOrCreate(settings.keyFile), settings, json, clock.clock(), Clock.systemUTC());
    }

    SandboxChannel(SandboxBooks books, SandboxSignatures signatures, SandboxSettings settings, JsonMapper json,
                   Clock businessTime, Clock wallClock) {
        this.books = books;
        this.signatures = signatures;
        this.settings = settings;
        this.json = json;
        this.businessTime = businessTime;
        this.wallClock = wallClock;
    }

    SandboxSignatures signatures() {
        return signatures;
    }

    @Override
    public PaymentChannelId id() {
        return PaymentChannelId.SANDBOX;
    }

    @Override
    public String merchantId() {
        return settings.merchantId;
    }

    @Override
    public Mono<Checkout> open(ChannelOrder order, boolean inWechat) {
        return books.open(order.orderNo(), settings.merchantId, order.amountFen(), order.description(),
                        order.returnUrl(), businessTime.instant(), order.expiresAt())
                .thenReturn(Checkout.redirect("/sandbox-pay/cashier/" + order.orderNo()));
    }

    @Override
    public Mono<ChannelNotice> verify(NotificationRequest request) {
        String body = new String(request.body(), StandardCharsets.UTF_8);
        String timestamp = request.header(TIMESTAMP);
        String nonce = request.header(NONCE);
        String signature = request.header(SIGNATURE);
        if (timestamp == null || nonce == null || signature == null) {
            return Mono.just(new ChannelNotice.Forged(Phrase.of("notify.forged.noSignature")));
        }
        if (!signatures.verify(SandboxSignatures.message(timestamp, nonce, body), signature)) {
            return Mono.just(new ChannelNotice.Forged(Phrase.of("notify.forged.badSignature")));
        }
        if (!withinWindow(timestamp)) {
            return Mono.just(new ChannelNotice.Forged(Phrase.of("notify.forged.timestamp")));
        }
        try {
            return Mono.just(notice(json.readTree(body)));
        } catch (RuntimeException e) {
            return Mono.just(new ChannelNotice.Forged(Phrase.of("notify.forged.unreadable")));
        }
    }

    private boolean withinWindow(String timestamp) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            return Duration.between(sent, wallClock.instant()).abs().compareTo(settings.notificationWindow) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ChannelNotice notice(JsonNode body) {
        Instant at = Instant.parse(body.get("occurredAt").asString());
        if ("REFUND".equals(body.get("type").asString())) {
            return new ChannelNotice.RefundResult(body.get("merchantId").asString(), body.get("orderNo").asString(),
                    body.get("refundNo").asString(), body.get("refundId").asString(), body.get("amountFen").asLong(),
                    true, at);
        }
        return new ChannelNotice.PaymentResult(body.get("merchantId").asString(), body.get("orderNo").asString(),
                body.path("transactionId").asString(null), body.get("amountFen").asLong(),
                ChannelOutcome.valueOf(body.get("status").asString()), at);
    }

    @Override
    public NotificationAnswer acknowledge() {
        return new NotificationAnswer(200, "application/json", "{\"code\":\"SUCCESS\"}");
    }

    @Override
    public NotificationAnswer reject(String reason) {
        return new NotificationAnswer(401, "application/json", "{\"code\":\"FAIL\",\"message\":\"signature\"}");
    }

    @Override
    public Mono<ChannelQuery> query(String orderNo) {
        return books.find(orderNo)
                .map(payment -> new ChannelQuery(orderNo, outcome(payment.status()), payment.transactionId(),
                        payment.amountFen(), payment.paidAt()))
                .defaultIfEmpty(new ChannelQuery(orderNo, ChannelOutcome.UNKNOWN, null, 0, null));
    }

    private static ChannelOutcome outcome(String status) {
        return switch (status) {
            case "PAID" -> ChannelOutcome.PAID;
            case "PENDING" -> ChannelOutcome.PENDING;
            default -> ChannelOutcome.CLOSED;
        };
    }

    @Override
    public Mono<Void> close(String orderNo) {
        return books.end(orderNo, "CLOSED").then();
    }

    @Override
    public Mono<RefundAnswer> refund(RefundRequest request) {
        return books.find(request.orderNo())
                .flatMap(payment -> !"PAID".equals(payment.status())
                        ? Mono.just(new RefundAnswer(request.refundNo(), RefundAnswer.Status.FAILED, null, "ORDER_NOT_PAID"))
                        : books.refund(request.refundNo(), request.orderNo(), "SBR" + UUID.randomUUID()
                                                .toString().replace("-", "").substring(0, 24), request.refundFen(),
                                        businessTime.instant())
                                .map(refundId -> new RefundAnswer(request.refundNo(), RefundAnswer.Status.SUCCEEDED,
                                        refundId, null))
                                .defaultIfEmpty(new RefundAnswer(request.refundNo(), RefundAnswer.Status.FAILED, null,
                                        "REFUND_EXCEEDS_PAID")))
                .defaultIfEmpty(new RefundAnswer(request.refundNo(), RefundAnswer.Status.FAILED, null, "ORDER_NOT_FOUND"));
    }

    @Override
    public List<BillLine> parseBill(byte[] bill) throws BillFormatException {
        return SandboxBill.parse(bill);
    }
}
