package cn.yibao.portal.payment.channel.sandbox;

import cn.yibao.portal.database.ConnectionScope;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Sends the sandbox's notifications from its outbox, signed, over HTTP to the portal's notify endpoint — exactly
 * as an outside channel would. A notification that is not acknowledged is retried with growing delays, so a portal
 * that was down when the payment happened still hears of it.
 */
@Component
@ConditionalOnProperty(name = "portal.payment.sandbox.enabled", havingValue = "true")
class SandboxNotifier {

    private static final Logger log = LoggerFactory.getLogger(SandboxNotifier.class);
    private static final int MAX_ATTEMPTS = 15;
    /** Longer than one round of sends (20 × the 5 s timeout at worst), so a leased notification is sent once. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final SandboxBooks books;
    private final SandboxChannel channel;
    private final SandboxSettings settings;
    private final Environment environment;
    private final WebClient http;

    SandboxNotifier(SandboxBooks books, SandboxChannel channel, SandboxSettings settings, Environment environment) {
        this.books = books;
        this.channel = channel;
        this.settings = settings;
        this.environment = environment;
        this.http = WebClient.create();
    }

    @Scheduled(fixedDelayString = "${portal.payment.sandbox.notify-interval:PT1S}", initialDelayString = "PT2S")
    void sendDue() {
        String target = notifyUrl();
        if (target == null) {
            log.debug("Sandbox notifier: the server port is not known yet");
            return;
        }
        Instant now = Instant.now();
        books.lease(now, now.plus(LEASE), 20).collectList()
                .flatMapIterable(leased -> leased)
                .concatMap(outgoing -> send(target, outgoing))
                .contextWrite(ConnectionScope.of("sandbox notifications"))
                .onErrorResume(e -> {
                    log.warn("Sandbox notification round failed: {}", e.toString());
                    return Mono.empty();
                })
                .blockLast(Duration.ofSeconds(30));
    }

    private Mono<Void> send(String target, SandboxBooks.Outgoing outgoing) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String signature = channel.signatures().sign(SandboxSignatures.message(timestamp, nonce, outgoing.body()));
        return http.post().uri(target)
                .contentType(MediaType.APPLICATION_JSON)
                .header(SandboxChannel.TIMESTAMP, timestamp)
                .header(SandboxChannel.NONCE, nonce)
                .header(SandboxChannel.SIGNATURE, signature)
                .bodyValue(outgoing.body())
                .retrieve()
                .toBodilessEntity()
                .timeout(Duration.ofSeconds(5))
                .then(books.delivered(outgoing.id(), Instant.now()))
                .doOnError(e -> log.warn("Sandbox notification {} for {} not acknowledged: {}", outgoing.id(),
                        outgoing.orderNo(), e.toString()))
                .onErrorResume(e -> outgoing.attempts() + 1 >= MAX_ATTEMPTS
                        ? books.delivered(outgoing.id(), Instant.now()) // gives up, like real channels do
                        : books.retryLater(outgoing.id(), Instant.now().plus(backoff(outgoing.attempts()))));
    }

    private static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts + 1, 9)));
    }

    private String notifyUrl() {
        if (!settings.notifyUrl.isBlank()) {
            return settings.notifyUrl;
        }
        String port = environment.getProperty("local.server.port");
        return port == null ? null : "http://127.0.0.1:" + port + "/api/v1/payments/notify/SANDBOX";
    }
}
