package cn.yibao.portal.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Setup against the running portal and its sandbox issuer, over HTTP as a browser or the mobile app would: page
 * sessions through the real authorization-code sign-in, bearer tokens, fresh residents' tokens, issued codes. Nothing
 * here is measured.
 */
final class Sandbox {

    static final String SESSION_COOKIE = "PORTAL_SESSION";
    private static final String APP_REDIRECT = "http://localhost/app-callback";

    private final String portal;
    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    Sandbox(String portal, String issuer) {
        this.portal = portal;
        this.issuer = issuer;
    }

    /**
     * A signed-in page session (the value of the session cookie) for a demo login: portal → issuer sign-in form →
     * callback, as src/test/java/…/support/SandboxSignIn.java walks it.
     */
    String signIn(String login) throws IOException, InterruptedException {
        HttpResponse<String> start = send(get(portal + "/oauth2/authorization/evoucher").build());
        String session = sessionCookie(start).orElseThrow(() -> new IllegalStateException("no session at sign-in start"));
        URI authorize = URI.create(location(start, 302));
        HttpResponse<String> form = send(postForm(authorize.toString(), "username=" + login + "&claims="));
        URI callback = URI.create(location(form, 302));
        HttpResponse<String> back = send(HttpRequest.newBuilder(callback)
                .header("Cookie", SESSION_COOKIE + "=" + session).build());
        String home = location(back, 302);
        if (!home.endsWith("/home")) {
            throw new IllegalStateException("sign-in as " + login + " ended at " + home);
        }
        session = sessionCookie(back).orElse(session); // the session id changes at sign-in
        // Follow the redirect as a browser does: the first page after sign-in issues the session id once more, and a
        // client that kept the previous one would be signed out on its next request.
        HttpResponse<String> first = send(get(home).header("Cookie", SESSION_COOKIE + "=" + session).build());
        if (first.statusCode() != 200) {
            throw new IllegalStateException("the first /home after signing in as " + login + " answered "
                    + first.statusCode());
        }
        return sessionCookie(first).orElse(session);
    }

    /** An access token by the password grant (issuer {@code evoucher} for residents, {@code staff} for staff). */
    String passwordToken(String issuerName, String login) throws IOException, InterruptedException {
        HttpResponse<String> token = send(postForm(issuer + "/" + issuerName + "/token",
                "grant_type=password&username=" + login + "&password=sandbox&client_id=resident-app&scope=openid"));
        return json(token, "access_token");
    }

    /** A fresh resident's token: the issuer's sign-in form with made-up claims, then the code exchange. */
    String freshResidentToken(FreshResident resident) throws IOException, InterruptedException {
        String authorize = issuer + "/evoucher/authorize?client_id=resident-app&response_type=code&scope=openid"
                + "&state=s&nonce=n&redirect_uri=" + APP_REDIRECT;
        HttpResponse<String> signedIn = send(postForm(authorize, "username=" + resident.login() + "&claims="
                + URLEncoder.encode(resident.claimsJson(), StandardCharsets.UTF_8)));
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location(signedIn, 302));
        if (!code.find()) {
            throw new IllegalStateException("no code for " + resident.login());
        }
        HttpResponse<String> token = send(postForm(issuer + "/evoucher/token", "grant_type=authorization_code"
                + "&client_id=resident-app&code=" + code.group(1) + "&redirect_uri=" + APP_REDIRECT));
        return json(token, "access_token");
    }

    /** A freshly signed 医保码 token of the bearer's resident ({@code GET /api/v1/codes/resident}). */
    String residentCode(String bearer) throws IOException, InterruptedException {
        return json(send(get(portal + "/api/v1/codes/resident").header("Authorization", "Bearer " + bearer).build()),
                "token");
    }

    interface Fetch<T> {
        T get(int i) throws Exception;
    }

    /**
     * Up to {@code count} results of {@code fetch(0..count-1)} on a few threads, stopping at the deadline: a slow
     * issuer shortens the supply (the caller reports it) instead of stalling the run.
     */
    static <T> List<T> fetchMany(int count, int threads, Duration timeout, Fetch<T> fetch) throws InterruptedException {
        ConcurrentLinkedQueue<T> results = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline && failures.size() < 10;
                     i = next.getAndIncrement()) {
                    try {
                        results.add(fetch.get(i));
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(timeout.toSeconds() + 30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            System.out.println("  setup failures (" + failures.size() + "), first: " + failures.peek());
        }
        return new ArrayList<>(results);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest postForm(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String location(HttpResponse<?> response, int expectedStatus) {
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode()
                    + " instead of " + expectedStatus);
        }
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no Location from " + response.request().uri()));
        return location.startsWith("/") ? response.request().uri().resolve(location).toString() : location;
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SESSION_COOKIE + "="))
                .map(c -> c.substring(SESSION_COOKIE.length() + 1, c.contains(";") ? c.indexOf(';') : c.length()))
                .filter(v -> !v.isEmpty())
                .reduce((first, second) -> second);
    }

    private static String json(HttpResponse<String> response, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException(response.request().uri().getPath() + " answered " + response.statusCode()
                    + " without " + field + ": " + abbreviate(response.body()));
        }
        return m.group(1);
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
    }
}
