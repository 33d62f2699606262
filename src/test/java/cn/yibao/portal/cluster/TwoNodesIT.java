package cn.yibao.portal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.PortalApplication;
import cn.yibao.portal.support.ApiContract;
import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.FreshStaff;
import cn.yibao.portal.support.RedisServer;
import cn.yibao.portal.support.SandboxSignIn;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Two portal nodes in this JVM on one database and one Redis, as behind a round-robin proxy: a web session made on
 * one is served by the other (sign-in, CSRF-protected forms, sign-out), the verification rate limit counts requests
 * to both, and "sign out everywhere" ends every session of the person. Nodes answer with X-Portal-Node.
 */
class TwoNodesIT {

    private static RedisServer redis;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void twoNodes() throws Exception {
        redis = RedisServer.start();
        nodeA = node("a");
        nodeB = node("b");
    }

    private static ConfigurableApplicationContext node(String name) {
        SpringApplication app = new SpringApplication(PortalApplication.class);
        app.setAdditionalProfiles("sandbox", "test");
        return app.run("--server.port=0", "--server.address=127.0.0.1", "--spring.data.redis.url=" + redis.url(),
                "--portal.node-name=" + name, "--portal.rate-limit.verify-per-minute=30",
                "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            if (node != null) {
                node.close();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static String baseUrl(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    private static WebTestClient client(ConfigurableApplicationContext node) {
        return WebTestClient.bindToServer().baseUrl(baseUrl(node)).responseTimeout(Duration.ofSeconds(20))
                .filter(ApiContract.check()).build();
    }

    private static SandboxSignIn signIn(ConfigurableApplicationContext node) {
        return SandboxSignIn.against(baseUrl(node), nodeA.getEnvironment().getProperty("portal.sandbox.issuer-base-url"));
    }

    /** A resident signed in on node A, the session settled (its id changes once more at the first page). */
    private static String signedInOnA(String login, String claims) {
        BrowserSession browser = signIn(nodeA).as(login, claims);
        browser.page("/home");
        return browser.sessionId();
    }

    private static WebTestClient.ResponseSpec page(ConfigurableApplicationContext node, String path, String session) {
        return client(node).get().uri(path).cookie(BrowserSession.COOKIE, session).accept(MediaType.TEXT_HTML).exchange();
    }

    @Test
    void aSessionMadeOnOneNodeIsServedByTheOtherAndSigningOutOnOneEndsItOnBoth() {
        String session = signedInOnA("two-nodes-" + System.nanoTime(), FreshResidents.adultIn("141121", "解大河"));

        for (int i = 0; i < 20; i++) {
            ConfigurableApplicationContext node = i % 2 == 0 ? nodeA : nodeB;
            page(node, "/home", session).expectStatus().isOk()
                    .expectHeader().valueEquals(NodeNameHeader.HEADER, node == nodeA ? "a" : "b");
        }

        // A form from node A posted to node B: the CSRF token lives in the shared session.
        String family = page(nodeA, "/family", session).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        client(nodeB).post().uri("/family/bind").cookie(BrowserSession.COOKIE, session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", BrowserSession.csrf(family)).with("certno", "x")
                        .with("name", "某某").with("relation", "SPOUSE"))
                .exchange().expectStatus().value(status -> assertThat(status).isNotEqualTo(403));

        String home = page(nodeB, "/home", session).expectBody(String.class).returnResult().getResponseBody();
        client(nodeB).post().uri("/logout").cookie(BrowserSession.COOKIE, session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", BrowserSession.csrf(home)))
                .exchange().expectStatus().is3xxRedirection();
        URI afterSignOut = page(nodeA, "/home", session).expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(afterSignOut).as("signed out on node A too").hasToString("/?signin=required");
    }

    @Test
    void signingOutEverywhereEndsThePersonsSessionsOnBothNodesAndNoOneElses() {
        String claims = FreshResidents.adultIn("141121", "桂小山");
        String login = "two-nodes-" + System.nanoTime();
        String onPhone = signedInOnA(login, claims);
        String onCounter = signedInOnA(login, claims);
        String someoneElse = signedInOnA("two-nodes-other-" + System.nanoTime(), FreshResidents.adultIn("141121", "甘大江"));

        String home = page(nodeB, "/home", onPhone).expectBody(String.class).returnResult().getResponseBody();
        assertThat(home).contains("在所有设备上退出登录");
        client(nodeB).post().uri("/logout/everywhere").cookie(BrowserSession.COOKIE, onPhone)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", BrowserSession.csrf(home)))
                .exchange().expectStatus().is3xxRedirection();

        page(nodeA, "/home", onPhone).expectStatus().is3xxRedirection();
        page(nodeA, "/home", onCounter).expectStatus().is3xxRedirection();
        page(nodeB, "/home", someoneElse).expectStatus().isOk();
    }

    @Test
    void theOneTimeCodeAWorkerAsksForOnOneNodeIsShownToTheResidentByTheOtherAndAcceptedByTheFirst() {
        String claims = FreshResidents.adultIn("141121", "邝小河");
        Matcher certno = Pattern.compile("\"certno\":\"(\\w+)\"").matcher(claims);
        assertThat(certno.find()).isTrue();
        String resident = signIn(nodeA).accessToken("two-nodes-" + System.nanoTime(), claims);
        client(nodeA).get().uri("/api/v1/me").headers(h -> h.setBearerAuth(resident)).exchange().expectStatus().isOk();
        String worker = signIn(nodeA).staffAccessToken(FreshStaff.login(), FreshStaff.claimsOf(
                "S141121" + UUID.randomUUID().toString().substring(0, 8), "141121", "HELP_DESK"));

        AtomicReference<String> session = new AtomicReference<>();
        client(nodeA).post().uri("/api/v1/assist/sessions").headers(h -> h.setBearerAuth(worker))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("certno", certno.group(1), "name", "邝小河"))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.sessionId").value(String.class, session::set);
        AtomicReference<String> code = new AtomicReference<>();
        client(nodeB).get().uri("/api/v1/assist/requests").headers(h -> h.setBearerAuth(resident)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].oneTimeCode").value(String.class, code::set);
        assertThat(code.get()).as("the code node A made, shown by node B").matches("\\d{6}");

        client(nodeA).post().uri("/api/v1/assist/sessions/" + session.get() + "/code").headers(h -> h.setBearerAuth(worker))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", code.get()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        client(nodeB).get().uri("/api/v1/assist/requests").headers(h -> h.setBearerAuth(resident)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void theVerificationLimitCountsRequestsToBothNodes() {
        // Every request here comes from 127.0.0.1: one client, 30 a minute whichever node answers.
        for (int i = 0; i < 30; i++) {
            verify(i % 2 == 0 ? nodeA : nodeB).expectStatus().value(status -> assertThat(status).isNotEqualTo(429));
        }
        verify(nodeA).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        verify(nodeB).expectStatus().isEqualTo(429);
    }

    private static WebTestClient.ResponseSpec verify(ConfigurableApplicationContext node) {
        return client(node).post().uri("/api/v1/codes/verify").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", "not-a-code")).exchange();
    }
}
