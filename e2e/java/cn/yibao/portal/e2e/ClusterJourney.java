package cn.yibao.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.ApiContract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * The local cluster ({@code deploy/cluster/run.sh}: PostgreSQL, Redis, two nodes, nginx round-robin) driven through
 * its proxy as a resident would: sign in, pay for a child through the sandbox channel, the receipt, sign out — with
 * requests answered by both nodes ({@code X-Portal-Node}), and one node killed in the middle of paying.
 */
class ClusterJourney {

    private static final String NODE_HEADER = "X-Portal-Node";
    private static LocalCluster cluster;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private WebDriver driver;

    @RegisterExtension
    final TestExecutionExceptionHandler report = (context, failure) -> {
        Browser.screenshot(driver, "ClusterJourney-failed");
        System.err.println(cluster == null ? "(no cluster)" : cluster.logs());
        throw failure;
    };

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalCluster.start();
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
    }

    @AfterEach
    void quitBrowser() {
        driver.quit();
    }

    @Test
    void aResidentSignsInThroughTheProxyPaysForTheirChildAndStaysSignedInWhenANodeDies() throws Exception {
        // The sign-in starts on one node and may come back to the other: the authorization request is in Redis.
        LandingPage.open(driver, cluster.url("/")).signInWithEvoucher().signInAs("wenshui-general");
        Pages.waitForPath(driver, "/home");
        String cookies = cookies(driver);

        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> home = get(cluster.url("/home"), cookies);
            assertThat(home.statusCode()).as("signed-in page load %d", i + 1).isEqualTo(200);
            assertThat(home.body()).as("page load %d is signed in", i + 1).contains("id=\"resident-name\"");
            answeredBy.add(node(home));
        }
        assertThat(answeredBy).as("round-robin without stickiness").containsExactlyInAnyOrderElementsOf(cluster.nodes());

        theVerificationLimitCountsBothNodes();
        signingOutOnOneNodeEndsTheSessionOnBoth();

        driver.get(cluster.url("/contribution?year=2024"));
        driver.findElement(By.id("go-pay")).click();
        PaymentFlow.ReviewPage review = new PaymentFlow.ChoosePage(driver).keepOnly(List.of("子女")).next();
        assertThat(review.totalYuan()).isEqualTo("380");

        // A node dies between the review and the confirmation: the confirmation (a form with its CSRF token), the
        // cashier, the notification and the receipt are all the other node's.
        cluster.kill("node-1");
        PaymentFlow.CashierPage cashier = review.confirm();
        assertThat(cashier.amount()).isEqualTo("¥380.00");
        PaymentFlow.ResultPage result = cashier.pay().waitUntilStatus("已支付");
        assertThat(result.receiptLinks()).hasSize(1);
        result.receiptLinks().get(0).click();
        Pages.waitFor(driver).until(d -> Pages.pathOf(d).contains("/receipts/"));
        assertThat(driver.findElement(By.id("receipt-amount")).getText()).isEqualTo("380 元");

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> home = get(cluster.url("/home"), cookies);
            assertThat(home.statusCode()).as("still signed in after node-1 died").isEqualTo(200);
            assertThat(node(home)).isEqualTo("node-2");
        }

        driver.get(cluster.url("/home"));
        driver.findElement(By.id("signout")).click();
        Pages.waitForPath(driver, "/");
        assertThat(get(cluster.url("/home"), cookies).statusCode()).as("signed out").isNotEqualTo(200);
    }

    /** 30 checks a minute per client address, whichever node answers: the 31st is refused. */
    private void theVerificationLimitCountsBothNodes() throws IOException, InterruptedException {
        List<Integer> statuses = new ArrayList<>();
        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 31; i++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(cluster.url("/api/v1/codes/verify")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"not-a-code\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            statuses.add(answer.statusCode());
            assertThat(ApiContract.instance().violations("POST", "/api/v1/codes/verify", answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(null),
                    answer.body().getBytes(StandardCharsets.UTF_8))).as("answer %d keeps to the API contract", i + 1)
                    .isEmpty();
            if (i < 30) {
                answeredBy.add(node(answer));
            } else {
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(statuses.subList(0, 30)).as("the first 30").doesNotContain(429);
        assertThat(statuses.get(30)).as("the 31st").isEqualTo(429);
        assertThat(answeredBy).containsExactlyInAnyOrderElementsOf(cluster.nodes());
    }

    /** Another resident signs out through the proxy; their session then opens nothing on either node. */
    private void signingOutOnOneNodeEndsTheSessionOnBoth() throws IOException, InterruptedException {
        WebDriver other = Browser.start();
        try {
            LandingPage.open(other, cluster.url("/")).signInWithEvoucher().signInAs("wenshui-spouse");
            Pages.waitForPath(other, "/home");
            String theirs = cookies(other);
            for (String node : cluster.nodes()) {
                assertThat(get(cluster.nodeUrl(node, "/home"), theirs).statusCode()).as("signed in on %s", node)
                        .isEqualTo(200);
            }
            other.findElement(By.id("signout")).click();
            Pages.waitForPath(other, "/");
            for (String node : cluster.nodes()) {
                assertThat(get(cluster.nodeUrl(node, "/home"), theirs).statusCode()).as("signed out on %s", node)
                        .isNotEqualTo(200);
            }
        } finally {
            other.quit();
        }
    }

    private HttpResponse<String> get(String url, String cookies) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String node(HttpResponse<?> response) {
        return response.headers().firstValue(NODE_HEADER).orElse("(no " + NODE_HEADER + ")");
    }

    private static String cookies(WebDriver browser) {
        return browser.manage().getCookies().stream().map(Cookie::toString).map(c -> c.split(";")[0])
                .collect(Collectors.joining("; "));
    }
}
