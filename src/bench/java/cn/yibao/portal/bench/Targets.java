package cn.yibao.portal.bench;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The targets of issue #14 (item 5), in the order they are measured, with their goals. Each signs in or fetches what
 * it needs right before it runs (codes expire after 90 s; order tokens are used once).
 */
final class Targets {

    /** A resident with a household (spouse and child), so the household pages have several people on them. */
    static final String RESIDENT = "wenshui-general";
    static final String STAFF = "staff-wenshui";
    /** Residents of 文水县 whose 医保码 staff-wenshui verifies. */
    static final List<String> CODE_HOLDERS = List.of("wenshui-general", "wenshui-spouse", "wenshui-dibao",
            "wenshui-tekun", "wenshui-fanpin", "wenshui-jiance");

    private final Sandbox sandbox;
    private final Settings settings;
    private List<String> sessions;
    private String residentToken;

    Targets(Sandbox sandbox, Settings settings) {
        this.sandbox = sandbox;
        this.settings = settings;
    }

    static Target hello() {
        return new Target("hello", "hello (Reactor Netty)", Goal.baseline(), 200, "Hello",
                () -> Target.cycle(List.of(Target.Request.get("/", Map.of()))));
    }

    List<Target> all() {
        List<Target> all = new ArrayList<>();
        all.add(publicPage("landing", "GET /", "/", Goal.none()));
        all.add(publicPage("calculator", "GET /contribution/calculator",
                "/contribution/calculator?region=141121&year=2024&category=ADULT&assistance=MINIMUM_LIVING"
                        + "&enrolment=REGULAR", Goal.none()));
        all.add(new Target("quote", "GET /api/v1/policy/quote", Goal.ratioAtLeast(0.15), 200, "\"dueFen\"",
                () -> Target.cycle(List.of(Target.Request.get(
                        "/api/v1/policy/quote?region=141121&year=2024&assistance=MINIMUM_LIVING", Map.of())))));
        all.add(signedInPage("home", "GET /home (signed in)", "/home", Goal.page(0.03, 100)));
        all.add(signedInPage("contribution", "GET /contribution (signed in)", "/contribution", Goal.page(0.03, 100)));
        all.add(signedInPage("benefits", "GET /benefits (signed in)", "/benefits", Goal.none()));
        all.add(new Target("api-contributions", "GET /api/v1/contributions", Goal.none(), 200, "dueFen",
                () -> Target.cycle(List.of(Target.Request.get("/api/v1/contributions?year=2024",
                        Map.of("Authorization", "Bearer " + residentToken()))))));
        all.add(new Target("qr-svg", "GET /codes/image/{token}.svg", Goal.ratioAtLeast(0.15), 200, "<svg",
                this::qrImages));
        all.add(new Target("verify", "POST /api/v1/codes/verify (staff)", Goal.p99AtMost(30), 200, "\"valid\":true",
                this::verifications));
        all.add(new Target("orders", "POST /api/v1/payments (new resident)",
                Goal.rateAtLeast(Settings.ORDER_GOAL_PER_SECOND, 250), 201, null, this::orders));
        return all.stream().filter(t -> settings.includes(t.key())).toList();
    }

    private static Target publicPage(String key, String label, String uri, Goal goal) {
        return new Target(key, label, goal, 200, "</html>", () -> Target.cycle(List.of(Target.Request.get(uri, Map.of()))));
    }

    /** Page requests spread over several signed-in browser sessions of the same resident. */
    private Target signedInPage(String key, String label, String uri, Goal goal) {
        return new Target(key, label, goal, 200, "</html>", () -> Target.cycle(sessions().stream()
                .map(session -> Target.Request.get(uri, Map.of("Cookie", Sandbox.SESSION_COOKIE + "=" + session)))
                .toList()));
    }

    private List<String> sessions() throws Exception {
        if (sessions == null) {
            sessions = new ArrayList<>();
            for (int i = 0; i < settings.sessions(); i++) {
                sessions.add(sandbox.signIn(RESIDENT));
            }
        }
        return sessions;
    }

    private String residentToken() {
        try {
            if (residentToken == null) {
                residentToken = sandbox.passwordToken("evoucher", RESIDENT);
            }
            return residentToken;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Distinct server-signed codes (each issue carries a random number), so every image is really drawn. */
    private Target.RequestSource qrImages() throws Exception {
        String bearer = residentToken();
        List<String> tokens = Sandbox.fetchMany(settings.qrTokens(), 4, settings.setupTimeout(),
                i -> sandbox.residentCode(bearer));
        System.out.println("  " + tokens.size() + " distinct code tokens");
        return Target.cycle(tokens.stream().distinct()
                .map(token -> Target.Request.get("/codes/image/" + token + ".svg", Map.of())).toList());
    }

    /** Staff verifying residents' fresh 医保码 (valid for 90 s: fetched now, right before the phase). */
    private Target.RequestSource verifications() throws Exception {
        String staff = sandbox.passwordToken("staff", STAFF);
        List<Target.Request> requests = new ArrayList<>();
        for (String holder : CODE_HOLDERS) {
            String code = sandbox.residentCode(sandbox.passwordToken("evoucher", holder));
            requests.add(new Target.Request(HttpMethod.POST, "/api/v1/codes/verify", json(Map.of(
                    "Authorization", "Bearer " + staff)), "{\"token\":\"" + code + "\"}"));
        }
        System.out.println("  rate limit portal.rate-limit.verify-per-minute lifted to " + settings.verifyPerMinute()
                + " for this run (all requests come from 127.0.0.1)");
        return Target.cycle(requests);
    }

    /** One fresh resident per order, their tokens fetched before each phase (setup, not measured). */
    private Target.RequestSource orders() throws Exception {
        OrderSupply supply = new OrderSupply(sandbox, settings);
        supply.fetch(settings.orderWarmUpTokens());
        return supply;
    }

    static Map<String, String> json(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return all;
    }
}
