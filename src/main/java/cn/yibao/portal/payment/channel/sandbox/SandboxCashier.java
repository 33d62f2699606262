package cn.yibao.portal.payment.channel.sandbox;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.shared.Phrase;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.security.SecureRandom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a payer does at the sandbox's cashier: pay or cancel. The result reaches the portal only the way a real
 * channel's would — as a signed notification from the outbox, sent once, twice, late or not at all, as asked.
 */
@Service
@ConditionalOnProperty(name = "portal.payment.sandbox.enabled", havingValue = "true")
class SandboxCashier {

    /** How the sandbox should notify the portal of this payment: for trying out duplicates, delays and losses. */
    enum NotifyPlan { ONCE, TWICE, LATE, NONE }

    sealed interface Result {
    }

    record Done(String returnUrl) implements Result {
    }

    record NotPossible(Phrase reason) implements Result {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final SandboxBooks books;
    private final SandboxSettings settings;
    private final JsonMapper json;
    private final BusinessClock clock;
    private final SecureRandom random = new SecureRandom();

    SandboxCashier(SandboxBooks books, SandboxSettings settings, JsonMapper json, BusinessClock clock) {
        this.books = books;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    Mono<SandboxBooks.SandboxPayment> find(String orderNo) {
        return books.find(orderNo);
    }

    /**
     * Pays a pending order that has not passed its time limit: like WeChat Pay's {@code time_expire} and Alipay's
     * {@code time_expire}, the limit the portal gave when opening it is the channel's own, whatever the portal's
     * sweeper has or has not done yet.
     */
    Mono<Result> pay(String orderNo, NotifyPlan plan) {
        String transactionId = "SB" + DAY.format(clock.today()) + HexFormat.of().formatHex(randomBytes(8));
        Instant now = clock.now();
        return books.find(orderNo)
                .flatMap(payment -> expired(payment, now) ? Mono.just((Result) new NotPossible(EXPIRED))
                        : books.markPaid(orderNo, transactionId, now).flatMap(paid -> {
                    if (!paid) {
                        return Mono.<Result>just(new NotPossible(alreadyEnded(payment.status())));
                    }
                    String body = body(payment, "PAID", transactionId, now);
                    return Flux.fromIterable(dueTimes(plan))
                            .concatMap(due -> books.enqueue(orderNo, body, due))
                            .then(Mono.just((Result) new Done(returnUrl(payment))));
                }))
                .defaultIfEmpty(new NotPossible(NOT_FOUND));
    }

    static final Phrase EXPIRED = Phrase.of("sandbox.cashier.expired");
    static final Phrase NOT_FOUND = Phrase.of("sandbox.cashier.notFound");

    /** Still pending, but past the time limit the merchant set: it can no longer be paid. */
    static boolean expired(SandboxBooks.SandboxPayment payment, Instant now) {
        return "PENDING".equals(payment.status()) && !now.isBefore(payment.expiresAt());
    }

    Mono<Result> cancel(String orderNo) {
        Instant now = clock.now();
        return books.find(orderNo)
                .flatMap(payment -> books.end(orderNo, "CANCELLED").flatMap(cancelled -> cancelled
                        ? books.enqueue(orderNo, body(payment, "CLOSED", null, now), Instant.now())
                                .thenReturn((Result) new Done(returnUrl(payment)))
                        : Mono.just((Result) new NotPossible(alreadyEnded(payment.status())))))
                .defaultIfEmpty(new NotPossible(NOT_FOUND));
    }

    private static Phrase alreadyEnded(String status) {
        return Phrase.of(switch (status) {
            case "PAID" -> "sandbox.cashier.ended.paid";
            case "CANCELLED" -> "sandbox.cashier.ended.cancelled";
            default -> "sandbox.cashier.ended.closed";
        });
    }

    /** The outbox runs on real time: it is plumbing, not business, and must not stall when the sandbox clock resets. */
    private List<Instant> dueTimes(NotifyPlan plan) {
        Instant now = Instant.now();
        return switch (plan) {
            case ONCE -> List.of(now);
            case TWICE -> List.of(now, now.plusSeconds(1));
            case LATE -> List.of(now.plus(settings.lateDelay));
            case NONE -> List.of();
        };
    }

    private String body(SandboxBooks.SandboxPayment payment, String status, String transactionId, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "PAYMENT");
        body.put("merchantId", payment.merchantId());
        body.put("orderNo", payment.orderNo());
        body.put("transactionId", transactionId);
        body.put("amountFen", payment.amountFen());
        body.put("status", status);
        body.put("occurredAt", at.toString());
        return json.writeValueAsString(body);
    }

    private static String returnUrl(SandboxBooks.SandboxPayment payment) {
        return Optional.ofNullable(payment.returnUrl()).orElse("/");
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
