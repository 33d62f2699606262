package cn.yibao.portal.assist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the assist ITs do over HTTP: fresh residents of 文水县 (staff-wenshui's region), their 医保码, sessions started
 * by a worker, and requests made "as" a resident with the worker's bearer and {@code X-Assist-Session}.
 */
abstract class AssistOverHttp extends PortalIntegrationTest {

    static final String WENSHUI = "141121";
    static final String WEIHAI = "371000";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A resident nobody else uses, signed in for the API. */
    record Resident(String token, String claims) {

        String certno() {
            return JSON.readTree(claims).get("certno").asString();
        }

        String name() {
            return JSON.readTree(claims).get("name").asString();
        }
    }

    Resident fresh(String region, String name) {
        String claims = FreshResidents.adultIn(region, name);
        Resident resident = new Resident(signIn.accessToken("assist-" + UUID.randomUUID(), claims), claims);
        // The first call registers the resident with the portal, as opening the app would.
        portal.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(resident.token())).exchange().expectStatus().isOk();
        return resident;
    }

    String residentCode(Resident resident) {
        return json(portal.get().uri("/api/v1/codes/resident").headers(h -> h.setBearerAuth(resident.token()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody()).get("token").asString();
    }

    WebTestClient.ResponseSpec start(String staffToken, Map<String, String> body) {
        return portal.post().uri("/api/v1/assist/sessions").headers(h -> h.setBearerAuth(staffToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** An active session of the worker for the resident, from the resident's 医保码; answers its id. */
    String startFromCode(String staffToken, Resident resident) {
        JsonNode started = json(start(staffToken, Map.of("residentCode", residentCode(resident)))
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        assertThat(started.get("status").asString()).isEqualTo("ACTIVE");
        return started.get("sessionId").asString();
    }

    /** A request to a resident endpoint made by the worker acting in the session. */
    WebTestClient.RequestHeadersSpec<?> acting(WebTestClient.RequestHeadersUriSpec<?> spec, String path,
                                                String staffToken, String sessionId) {
        return spec.uri(path).headers(h -> {
            h.setBearerAuth(staffToken);
            h.set("X-Assist-Session", sessionId);
        });
    }

    /** A POST to a resident endpoint made by the worker acting in the session, body still to come. */
    WebTestClient.RequestBodySpec actingPost(String path, String staffToken, String sessionId) {
        return portal.post().uri(path).headers(h -> {
            h.setBearerAuth(staffToken);
            h.set("X-Assist-Session", sessionId);
        });
    }

    WebTestClient.ResponseSpec actingGet(String path, String staffToken, String sessionId) {
        return acting(portal.get(), path, staffToken, sessionId).exchange();
    }

    /** A worker's browser, signed in at the staff issuer. */
    BrowserSession staffBrowser(String login) {
        BrowserSession browser = signIn.newBrowser();
        var start = signIn.start(browser, "staff");
        EntityExchangeResult<Void> callback = signIn.callback(browser, signIn.submitIssuerLogin(start.authorize(), login, null));
        assertThat(callback.getResponseHeaders().getLocation()).isNotNull();
        return browser;
    }

    /** Makes the browser's web session act in the worker's (active) session, as the desk's 继续代办 button does. */
    void continueInBrowser(BrowserSession staff, String sessionId) {
        String desk = page(staff, "/staff/assist");
        URI next = staff.client().post().uri("/staff/assist/" + sessionId + "/continue")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=" + csrf(desk))
                .exchange().expectStatus().isSeeOther().returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(next).hasPath("/home");
    }

    static String page(BrowserSession browser, String path) {
        return browser.client().get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    static String csrf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    static JsonNode json(byte[] body) {
        return JSON.readTree(body);
    }

    long count(String sql, Object... parameters) {
        var spec = database.sql(sql);
        for (int i = 0; i < parameters.length; i++) {
            spec = spec.bind(i, parameters[i]);
        }
        return spec.map(row -> row.get(0, Long.class)).one().block();
    }

    /**
     * Every audit row a request made in the session left, whatever its action: rows naming the session, and rows of
     * the same request naming no session at all (a module's own rows). The session's row is written as the response
     * completes, so wait a moment for it rather than racing it.
     */
    long assistAuditRows(String requestId, String sessionId) throws InterruptedException {
        String sql = "select count(*) from audit_event where request_id = $1 "
                + "and (assist_session_id = $2 or assist_session_id is null)";
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long rows = 0;
        while (System.nanoTime() < deadline) {
            rows = count("select count(*) from audit_event where request_id = $1 and assist_session_id = $2",
                    requestId, UUID.fromString(sessionId));
            if (rows > 0) {
                Thread.sleep(100); // a second row, if one were wrongly written, would follow right behind
                return count(sql, requestId, UUID.fromString(sessionId));
            }
            Thread.sleep(50);
        }
        return rows;
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static final String AUTHORIZATION = HttpHeaders.AUTHORIZATION;
}
