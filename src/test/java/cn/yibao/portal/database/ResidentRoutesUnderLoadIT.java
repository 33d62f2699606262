package cn.yibao.portal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.ConcurrentRequests;
import cn.yibao.portal.support.Household;
import cn.yibao.portal.support.PortalIntegrationTest;
import cn.yibao.portal.support.RouteCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.reactive.function.server.RouterFunction;

/**
 * Every GET route a signed-in resident can call — found by walking the portal's router functions, so a route added
 * tomorrow is loaded too — answers 64 requests from one household at once, each within 10 s, as it answers one.
 * Before the data access was fixed, 16 such requests on /api/v1/contributions hung the portal for everyone: each
 * held a pooled connection for a query still streaming and waited for a second one.
 */
class ResidentRoutesUnderLoadIT extends PortalIntegrationTest {

    private static final int CONCURRENCY = 64;
    private static final Duration WITHIN = Duration.ofSeconds(10);

    /** Routes a resident never calls: staff desks, the operators' API, the sandbox channel's own site. */
    /** Staff routes, the sandbox cashier, and the e-voucher sign-in's redirect to the platform (no page of ours). */
    private static final List<String> NOT_RESIDENT_PREFIXES = List.of("/staff", "/api/v1/staff", "/api/v1/admin",
            "/api/v1/assist/sessions", "/sandbox-pay", "/login/");

    /** Routes that need a query to answer (their other answers are tested where the route is). */
    private static final Map<String, String> QUERIES = Map.of(
            "GET /api/v1/policy/quote", "?region=141121&year=2024&assistance=MINIMUM_LIVING",
            "GET /contribution/calculator", "?region=141121&year=2024&assistance=MINIMUM_LIVING");

    /**
     * Where one request is refused on purpose: a pay link exists only while a worker shows an open order, and this
     * household has paid; WeChat's authorization callback exists only where WeChat Pay is configured (not in the
     * sandbox).
     */
    private static final Map<String, Integer> REFUSED = Map.of(
            "GET /pay/{token}", 404,
            "GET /payment/wechat-auth", 404);

    @Autowired
    private List<RouterFunction<?>> routers;

    private Household household;

    @BeforeEach
    void aHouseholdWithRecords() throws InterruptedException {
        household = Household.create(portal, signIn, database, "蔚");
        // The session id changes once more when a page first issues a CSRF token: settle it before sharing it.
        household.browser.page("/home");
    }

    @Test
    void everyResidentGetRouteAnswers64RequestsFromOneHouseholdAtOnce() {
        List<String> routes = residentGetRoutes();
        assertThat(routes).as("the routes this test found").contains("GET /api/v1/contributions", "GET /home",
                "GET /contribution", "GET /benefits", "GET /api/v1/family", "GET /api/v1/payments",
                "GET /api/v1/filings", "GET /api/v1/assist/history", "GET /payment/{id}");
        try (ConcurrentRequests load = new ConcurrentRequests(port, CONCURRENCY)) {
            assertSoftly(softly -> {
                for (String route : routes) {
                    String path = fill(route.substring("GET ".length())) + QUERIES.getOrDefault(route, "");
                    ConcurrentRequests.Answers one = load.get(path, 1, WITHIN, this::signedIn);
                    int alone = one.byStatus().keySet().iterator().next();
                    if (REFUSED.containsKey(route)) {
                        softly.assertThat(alone).as("%s (%s) alone", route, path).isEqualTo(REFUSED.get(route));
                    } else {
                        // 200, or a page's redirect (the landing page sends a signed-in resident home).
                        softly.assertThat(alone).as("%s (%s) alone", route, path).isIn(200, 303);
                    }
                    ConcurrentRequests.Answers many = load.get(path, CONCURRENCY, WITHIN, this::signedIn);
                    softly.assertThat(many.byStatus()).as("%s (%s), %d at once", route, path, CONCURRENCY)
                            .isEqualTo(Map.of(alone, CONCURRENCY));
                }
            });
        }
    }

    @Test
    void theRoutesThatOnceHungAnswer16And200RequestsFromOneHouseholdAtOnce() {
        List<String> paths = List.of("/api/v1/contributions?year=2024", "/api/v1/payments", "/api/v1/family",
                "/api/v1/filings", "/api/v1/assist/history", "/home", "/contribution", "/benefits");
        try (ConcurrentRequests load = new ConcurrentRequests(port, 200)) {
            assertSoftly(softly -> {
                for (String path : paths) {
                    ConcurrentRequests.Answers sixteen = load.get(path, 16, WITHIN, this::signedIn);
                    softly.assertThat(sixteen.byStatus()).as("%s, 16 at once", path).isEqualTo(Map.of(200, 16));
                    // 200 at once may outrun the pool's acquire timeout: then 503 with Retry-After, never a hang.
                    ConcurrentRequests.Answers many = load.get(path, 200, Duration.ofSeconds(20), this::signedIn);
                    softly.assertThat(many.byStatus().keySet()).as("%s, 200 at once: %s", path, many.byStatus())
                            .isSubsetOf(200, 503);
                    softly.assertThat(many.retryAfter()).as("503s say when to come back").allMatch("5"::equals);
                }
            });
        }
    }

    /** GET routes of the router functions, less those only staff, operators or the sandbox channel call. */
    private List<String> residentGetRoutes() {
        Set<String> all = RouteCatalog.of(routers);
        return all.stream()
                .filter(route -> route.startsWith("GET /"))
                .filter(route -> NOT_RESIDENT_PREFIXES.stream().noneMatch(prefix -> route.startsWith("GET " + prefix)))
                .toList();
    }

    /** The household's own things in the route's path variables; an unknown variable fails the test, naming it. */
    private String fill(String pattern) {
        boolean filing = pattern.contains("filing");
        boolean prescription = pattern.contains("prescription");
        String path = pattern
                .replace("{id}", filing ? household.filingId : prescription ? household.prescriptionId
                        : household.paymentId)
                .replace("{material}", household.materialId)
                .replace("{file}", household.receiptNo + ".pdf")
                .replace("{type}", "LONG_TERM_RESIDENCE")
                .replace("{token}", household.residentCodeToken);
        Matcher unknown = Pattern.compile("\\{[^}]+}").matcher(path);
        assertThat(unknown.find()).as("a value for %s in %s: add it to fill()", path, pattern).isFalse();
        return path;
    }

    /** Pages with the household's browser session, the API with its bearer token. */
    private void signedIn(io.netty.handler.codec.http.HttpHeaders headers) {
        headers.set("Authorization", "Bearer " + household.owner.token());
        headers.set("Cookie", BrowserSession.COOKIE + "=" + household.browser.sessionId());
        headers.set("Accept", "text/html,application/json");
    }
}
