package cn.yibao.portal.payment;

import cn.yibao.portal.PortalApplication;
import cn.yibao.portal.support.FreshResidents;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Order creations per second and latency through the real API (HTTP, security, quotes, PostgreSQL, the sandbox
 * channel opening each order), one fresh resident per order. A tool to run by hand, not a test:
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.yibao.portal.payment.PaymentBenchmark -Dexec.args="400 8"</pre>
 * Args: [orders=400] [concurrency=8]. Bounded by count; runs against an ephemeral embedded database.
 */
public final class PaymentBenchmark {

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        SpringApplication app = new SpringApplication(PortalApplication.class);
        app.setAdditionalProfiles("sandbox", "test");
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--server.address=127.0.0.1",
                "--logging.level.root=warn")) {
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            String issuer = context.getEnvironment().getProperty("portal.sandbox.issuer-base-url");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            System.out.printf("getting %d access tokens…%n", orders + 50);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < orders + 50; i++) {
                tokens.add(token(http, issuer, "bench-" + i + "-" + UUID.randomUUID(), FreshResidents.adultIn("141121", "测试" + i)));
            }
            // Warm-up: 50 orders, not measured.
            run(http, base, tokens.subList(orders, orders + 50), concurrency);
            long start = System.nanoTime();
            List<Long> latencies = run(http, base, tokens.subList(0, orders), concurrency);
            double seconds = (System.nanoTime() - start) / 1e9;
            Collections.sort(latencies);
            System.out.printf(Locale.ROOT, "%d orders, concurrency %d: %.1f creations/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    orders, concurrency, orders / seconds, latencies.get(latencies.size() / 2) / 1e6,
                    latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1) / 1e6,
                    latencies.get(latencies.size() - 1) / 1e6);
        }
        System.exit(0);
    }

    private static List<Long> run(HttpClient http, String base, List<String> tokens, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (String token : tokens) {
                results.add(pool.submit(() -> create(http, base, token)));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> result : results) {
                latencies.add(result.get());
            }
            return latencies;
        } finally {
            pool.shutdown();
        }
    }

    private static long create(HttpClient http, String base, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/payments"))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}"))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("expected 201, got " + response.statusCode() + ": " + response.body());
        }
        return elapsed;
    }

    /** The mobile app's authorization-code flow against the sandbox issuer, for a made-up resident. */
    private static String token(HttpClient http, String issuer, String login, String claims) throws Exception {
        String redirect = "http://localhost/app-callback";
        String authorize = issuer + "/evoucher/authorize?client_id=resident-app&response_type=code&scope=openid"
                + "&state=s&nonce=n&redirect_uri=" + redirect;
        HttpResponse<Void> signedIn = http.send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + login + "&claims="
                        + URLEncoder.encode(claims, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        Matcher code = Pattern.compile("code=([^&]+)").matcher(signedIn.headers().firstValue("Location").orElseThrow());
        if (!code.find()) {
            throw new IllegalStateException("no code in " + signedIn.headers().firstValue("Location"));
        }
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(issuer + "/evoucher/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=resident-app&code="
                        + code.group(1) + "&redirect_uri=" + redirect)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher access = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        if (!access.find()) {
            throw new IllegalStateException("no access token: " + token.body());
        }
        return access.group(1);
    }
}
