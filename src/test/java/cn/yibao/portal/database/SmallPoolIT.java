package cn.yibao.portal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.ConcurrentRequests;
import cn.yibao.portal.support.Household;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * With the pool forced down to two connections, 16, 64 and 200 requests at once from one household on the routes
 * that used to hang each get an answer: the page or the JSON, or 503 with Retry-After when no connection came free
 * within the acquire timeout. None waits past it.
 */
@TestPropertySource(properties = {"spring.r2dbc.pool.initial-size=1", "spring.r2dbc.pool.max-size=2"})
// A context of its own (its own pool or database): closed after this class, not kept for the other tests.
@DirtiesContext
class SmallPoolIT extends PortalIntegrationTest {

    private static final List<String> ROUTES = List.of("/api/v1/contributions?year=2024", "/api/v1/payments",
            "/api/v1/family", "/api/v1/filings", "/api/v1/assist/history", "/home", "/contribution", "/benefits");

    @Test
    void requestsFromOneHouseholdGetTheirAnswerOr503NeverAHang() throws InterruptedException {
        Household household = Household.create(portal, signIn, database, "宓");
        household.browser.page("/home");
        try (ConcurrentRequests load = new ConcurrentRequests(port, 200)) {
            assertSoftly(softly -> {
                for (String path : ROUTES) {
                    for (int concurrency : List.of(16, 64, 200)) {
                        ConcurrentRequests.Answers answers = load.get(path, concurrency, Duration.ofSeconds(20),
                                headers -> {
                                    headers.set("Authorization", "Bearer " + household.owner.token());
                                    headers.set("Cookie", BrowserSession.COOKIE + "=" + household.browser.sessionId());
                                });
                        softly.assertThat(answers.byStatus().keySet()).as("%s, %d at once: %s", path, concurrency,
                                answers.byStatus()).isSubsetOf(200, 503);
                        softly.assertThat(answers.byStatus().getOrDefault(200, 0)).as("%s, %d at once: some served",
                                path, concurrency).isPositive();
                        softly.assertThat(answers.retryAfter()).as("503s say when to come back").allMatch("5"::equals);
                    }
                }
            });
        }
        assertThat(portal.get().uri("/api/v1/family").headers(h -> h.setBearerAuth(household.owner.token()))
                .exchange().returnResult(Void.class).getStatus().value()).as("served again once the crowd is gone")
                .isEqualTo(200);
    }
}
