package cn.yibao.portal.bench;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Orders for fresh residents, one per request ({@code POST /api/v1/payments}). A token costs the sandbox issuer two
 * requests, so the supply is fetched in two steps: a fixed amount for the warm-up, then as many as the measurement
 * needs at the rate the warm-up reached (with a margin), never more than the goal rate would use. Fetching is setup:
 * it happens between the phases, never during one.
 */
final class OrderSupply implements Target.RequestSource {

    private static final String BODY = "{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}";
    /** The issuer answers each request after tens of milliseconds without using the CPU: ask in parallel. */
    private static final int FETCH_THREADS = 48;

    private final Sandbox sandbox;
    private final Settings settings;
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextResident = new AtomicInteger();
    private final AtomicInteger nextToken = new AtomicInteger();

    OrderSupply(Sandbox sandbox, Settings settings) {
        this.sandbox = sandbox;
        this.settings = settings;
    }

    void fetch(int count) throws InterruptedException {
        long started = System.nanoTime();
        int first = nextResident.getAndAdd(count);
        List<String> fetched = Sandbox.fetchMany(count, FETCH_THREADS, settings.setupTimeout(),
                i -> sandbox.freshResidentToken(FreshResident.number(first + i)));
        tokens.addAll(fetched);
        System.out.printf(Locale.ROOT, "  %,d fresh residents' tokens in %.1f s%s%n", fetched.size(),
                (System.nanoTime() - started) / 1e9, fetched.size() < count ? " (fewer than the " + count + " wanted)" : "");
    }

    @Override
    public Target.Request next() {
        int i = nextToken.getAndIncrement();
        if (i >= tokens.size()) {
            return null;
        }
        return new Target.Request(HttpMethod.POST, "/api/v1/payments", Targets.json(Map.of(
                "Authorization", "Bearer " + tokens.get(i), "Idempotency-Key", UUID.randomUUID().toString())), BODY);
    }

    @Override
    public void beforeMeasurement(Result warmUp) throws InterruptedException {
        // Unused warm-up tokens are not carried over: the measurement starts from a known supply.
        nextToken.set(tokens.size());
        double rate = Math.max(warmUp.perSecond(), 50);
        long seconds = settings.measure().toSeconds();
        // Twice the warm-up's rate: a JIT-warmed portal gets faster after the warm-up (it did, by 1.6×, on 2 cores).
        int wanted = (int) Math.min(settings.orderTokens(), Math.ceil(rate * 2 * seconds) + 200);
        System.out.printf(Locale.ROOT, "  warm-up: %.0f orders/s; fetching %,d more for %d s of measurement%n",
                warmUp.perSecond(), wanted, seconds);
        fetch(wanted);
    }
}
