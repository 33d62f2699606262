package cn.yibao.portal.bench;

import io.netty.buffer.Unpooled;
import io.netty.handler.timeout.ReadTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A closed-loop load generator: {@code connections} workers, each with its own keep-alive connection, each sending
 * its next request as soon as the previous answer has been read in full. Latency is the time from sending to the
 * last byte of the answer, into an HdrHistogram (microseconds). A warm-up phase runs first and is thrown away.
 *
 * <p>A request without an answer after {@value #TIMEOUT_SECONDS} s is an error (the goals ask for p99 in milliseconds, so
 * waiting longer would only prolong a phase that already failed).
 *
 * <p>Closed loop means the offered load adapts to the server: the figures are "how much with 64 busy clients", not
 * latency under a fixed arrival rate.
 */
final class LoadGenerator implements AutoCloseable {

    static final int TIMEOUT_SECONDS = 5;
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

    private final int connections;
    private final ConnectionProvider pool;
    private final HttpClient client;

    LoadGenerator(String baseUrl, int connections) {
        this.connections = connections;
        this.pool = ConnectionProvider.builder("bench")
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofSeconds(30))
                .build();
        this.client = HttpClient.create(pool).baseUrl(baseUrl).responseTimeout(RESPONSE_TIMEOUT);
    }

    Result run(Target target, Target.RequestSource source, Duration warmUp, Duration measure) throws Exception {
        warmUp(target, source, warmUp);
        return measure(target, source, measure);
    }

    void warmUp(Target target, Target.RequestSource source, Duration warmUp) throws Exception {
        source.beforeMeasurement(phase(target, source, warmUp).result(target.label(), connections));
    }

    Result measure(Target target, Target.RequestSource source, Duration measure) {
        return phase(target, source, measure).result(target.label(), connections);
    }

    private Phase phase(Target target, Target.RequestSource source, Duration length) {
        Phase phase = new Phase();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        Flux.range(0, connections)
                .flatMap(worker -> Mono.defer(() -> once(target, source, phase))
                        .repeat(() -> System.nanoTime() < end && !phase.exhausted.get()), connections)
                .blockLast(length.plus(RESPONSE_TIMEOUT).plusSeconds(30));
        phase.seconds = (System.nanoTime() - start) / 1e9;
        return phase;
    }

    private Mono<Void> once(Target target, Target.RequestSource source, Phase phase) {
        Target.Request request = source.next();
        if (request == null) {
            phase.exhausted.set(true);
            return Mono.empty();
        }
        HttpClient configured = request.headers().isEmpty() ? client
                : client.headers(headers -> request.headers().forEach(headers::set));
        byte[] body = request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        return configured.request(request.method()).uri(request.uri())
                .send(body == null ? Mono.empty() : Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                .responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .map(text -> target.accepts(response.status().code(), text) ? Optional.<String>empty()
                                : Optional.of(response.status().code() + " " + Sandbox.abbreviate(text))))
                .doOnNext(error -> phase.record(started, error))
                .onErrorResume(e -> {
                    phase.record(started, Optional.of(e instanceof ReadTimeoutException
                            ? "no answer within " + TIMEOUT_SECONDS + " s"
                            : e.getClass().getSimpleName() + ": " + e.getMessage()));
                    return Mono.empty();
                })
                .then();
    }

    /** One phase's counters, shared by all workers. */
    private static final class Phase {
        final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(3);
        final LongAdder ok = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        final AtomicBoolean exhausted = new AtomicBoolean();
        volatile double seconds;

        void record(long startedNanos, Optional<String> error) {
            if (error.isEmpty()) {
                latencyMicros.recordValue(Math.max(1, (System.nanoTime() - startedNanos) / 1000));
                ok.increment();
            } else {
                errors.increment();
                if (errorKinds.size() < 20 || errorKinds.containsKey(error.get())) {
                    errorKinds.computeIfAbsent(error.get(), k -> new LongAdder()).increment();
                }
            }
        }

        Result result(String label, int connections) {
            Map<String, Long> kinds = new TreeMap<>();
            errorKinds.forEach((kind, count) -> kinds.put(kind, count.sum()));
            boolean any = latencyMicros.getTotalCount() > 0;
            return new Result(label, connections, ok.sum(), errors.sum(), seconds,
                    any ? latencyMicros.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                    any ? latencyMicros.getValueAtPercentile(99) / 1000.0 : Double.NaN,
                    any ? latencyMicros.getMaxValue() / 1000.0 : Double.NaN, kinds, exhausted.get(), Double.NaN,
                    Double.NaN);
        }
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
    }
}
