package cn.yibao.portal.support;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Fires many identical GET requests at once, each on its own connection, the way a household's phones, tabs and an
 * app retrying would; reports every answer's status, or {@code TIMEOUT} when none came in time.
 */
public final class ConcurrentRequests implements AutoCloseable {

    /** No answer in time (or no answer at all: the connection failed). */
    public static final int TIMED_OUT = -1;

    private final ConnectionProvider connections;
    private final HttpClient http;

    public ConcurrentRequests(int port, int maxConcurrency) {
        this.connections = ConnectionProvider.builder("concurrent-requests")
                .maxConnections(maxConcurrency).pendingAcquireMaxCount(-1).build();
        this.http = HttpClient.create(connections).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30));
    }

    /** What came back: how many answers of each status ({@link #TIMED_OUT} for none in time), and the slowest. */
    public record Answers(Map<Integer, Integer> byStatus, Duration slowest, List<String> retryAfter) {

        public boolean all(int status) {
            return byStatus.size() == 1 && byStatus.containsKey(status);
        }
    }

    public Answers get(String path, int concurrency, Duration within, Consumer<io.netty.handler.codec.http.HttpHeaders> headers) {
        List<Answer> answers = Flux.range(0, concurrency)
                .flatMap(i -> one(path, within, headers), concurrency)
                .collectList()
                .block(within.plusSeconds(5));
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Duration slowest = Duration.ZERO;
        List<String> retryAfter = new java.util.ArrayList<>();
        for (Answer answer : answers) {
            byStatus.merge(answer.status(), 1, Integer::sum);
            slowest = answer.took().compareTo(slowest) > 0 ? answer.took() : slowest;
            if (answer.status() == 503) {
                retryAfter.add(answer.retryAfter());
            }
        }
        return new Answers(byStatus, slowest, retryAfter);
    }

    private record Answer(int status, Duration took, String retryAfter) {
    }

    private Mono<Answer> one(String path, Duration within, Consumer<io.netty.handler.codec.http.HttpHeaders> headers) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return http.headers(headers).get().uri(path)
                    .responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0])
                            .map(read -> new Answer(response.status().code(), Duration.ofNanos(System.nanoTime() - start),
                                    response.responseHeaders().get(HttpHeaderNames.RETRY_AFTER))))
                    .timeout(within)
                    .onErrorResume(e -> Mono.just(new Answer(TIMED_OUT, Duration.ofNanos(System.nanoTime() - start), null)));
        });
    }

    @Override
    public void close() {
        connections.dispose();
    }
}
