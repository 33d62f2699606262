package cn.yibao.portal.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.Household;
import cn.yibao.portal.support.PortalIntegrationTest;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * When every pooled connection is taken, a request waits at most the acquire timeout and then answers 503 with
 * Retry-After — a problem detail on the API, the Chinese busy page on pages — and the health check says DOWN. Once
 * connections come free, everything is served again.
 */
class PoolExhaustedIT extends PortalIntegrationTest {

    @Autowired
    private ConnectionFactory pool;

    @Value("${spring.r2dbc.pool.max-size}")
    private int maxSize;

    @Test
    void anExhaustedPoolAnswers503WithRetryAfterWithinTheAcquireTimeoutAndRecovers() throws InterruptedException {
        Household household = Household.create(portal, signIn, database, "阙");
        household.browser.page("/home");
        List<Connection> taken = Flux.range(0, maxSize).concatMap(i -> Mono.from(pool.create()))
                .cast(Connection.class).collectList().block(Duration.ofSeconds(10));
        try {
            long start = System.nanoTime();
            EntityExchangeResult<byte[]> api = portal.get().uri("/api/v1/family")
                    .headers(h -> h.setBearerAuth(household.owner.token())).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectHeader().contentType("application/problem+json")
                    .expectBody().returnResult();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("within the acquire timeout (2 s) and a little")
                    .isLessThan(Duration.ofSeconds(4));
            assertThat(new String(api.getResponseBody(), StandardCharsets.UTF_8)).contains("系统繁忙", "\"status\":503");

            String page = household.browser.client().get().uri("/contribution").accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).contains("系统繁忙，请稍候", "没有扣款");
            // Inside WeChat the busy page, like every page, leaves the header to the app's own title bar.
            String inWechat = household.browser.client().get().uri("/contribution").accept(MediaType.TEXT_HTML)
                    .header(HttpHeaders.USER_AGENT, "Mozilla/5.0 (Linux; Android 13) MicroMessenger/8.0.40")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().value(HttpHeaders.CONTENT_TYPE,
                            type -> assertThat(type).containsIgnoringCase("charset=UTF-8"))
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(inWechat).contains("系统繁忙，请稍候").doesNotContain("site-header");

            portal.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.status").isEqualTo("DOWN");
        } finally {
            Flux.fromIterable(taken).concatMap(Connection::close).then().block(Duration.ofSeconds(10));
        }

        portal.get().uri("/api/v1/family").headers(h -> h.setBearerAuth(household.owner.token())).exchange()
                .expectStatus().isOk();
        assertThat(household.browser.page("/contribution")).contains(household.owner.name().substring(0, 1));
        portal.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
