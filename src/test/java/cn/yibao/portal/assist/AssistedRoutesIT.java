package cn.yibao.portal.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import cn.yibao.portal.assist.domain.AssistRules;
import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.IssuedPrescriptions;
import cn.yibao.portal.support.RouteCatalog;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import tools.jackson.databind.JsonNode;

/**
 * Every route the portal has, classified for a help-desk worker acting for a resident: not acting for anyone (public,
 * staff, sign-in, the channels' own endpoints), refused while acting, or served for the assisted resident only. A
 * route added without a line here fails the first test. The second walks every resident-scoped route as a worker
 * assisting resident A while aiming at resident B's things, and checks that nothing of B's is reached or changed
 * and that each request leaves exactly one audit row.
 */
class AssistedRoutesIT extends AssistOverHttp {

    enum Kind { NOT_ACTING, REFUSED_WHILE_ASSISTING, FOR_THE_ASSISTED_RESIDENT }

    private static final Map<String, Kind> ROUTES = new LinkedHashMap<>();

    private static void classify(Kind kind, String... routes) {
        for (String route : routes) {
            ROUTES.put(route, kind);
        }
    }

    static {
        classify(Kind.NOT_ACTING,
                "GET /", "GET /verify", "GET /upload-too-large", "GET /policy/documents", "GET /contribution/calculator",
                "GET /api/v1/policy/quote", "GET /api/v1/regions", "POST /api/v1/codes/verify", "GET /api/v1/openapi.json",
                // Signing in through the e-voucher (page, or the mobile app's code exchange) acts for no one yet.
                "GET /login/evoucher", "POST /api/v1/auth/evoucher",
                "GET /codes/image/{token}.png", "GET /codes/image/{token}.svg", "GET /pay/{token}",
                "POST /api/v1/payments/notify/{channel}",
                "GET /sandbox-pay/bills/{date}", "GET /sandbox-pay/cashier/{orderNo}",
                "POST /sandbox-pay/api/orders/{orderNo}/pay", "POST /sandbox-pay/cashier/{orderNo}/cancel",
                "POST /sandbox-pay/cashier/{orderNo}/pay",
                "GET /staff", "GET /staff/assist", "POST /staff/assist/code", "POST /staff/assist/request",
                "POST /staff/assist/{id}/code", "POST /staff/assist/{id}/continue", "POST /staff/assist/{id}/end",
                "GET /staff/filings", "GET /staff/filings/{id}", "GET /staff/filings/{id}/materials/{material}",
                "POST /staff/filings/{id}/decision", "GET /staff/payments", "POST /staff/payments/reconciliations",
                "POST /staff/payments/refunds", "POST /staff/payments/refunds/confirm", "POST /staff/verify",
                "POST /staff/verify/image",
                "POST /api/v1/assist/sessions", "POST /api/v1/assist/sessions/{id}/code",
                "DELETE /api/v1/assist/sessions/{id}", "GET /api/v1/staff/audit/chain",
                "GET /api/v1/staff/payments/flagged", "POST /api/v1/staff/payments/reconciliations",
                "POST /api/v1/staff/payments/{orderNo}/refund", "POST /api/v1/staff/payments/{orderNo}/refund/preview",
                "GET /staff/imports", "POST /staff/imports", "GET /api/v1/admin/imports",
                "POST /api/v1/admin/imports/{kind}");
        // The resident's own consent, codes and family are theirs alone.
        classify(Kind.REFUSED_WHILE_ASSISTING,
                "GET /assist/requests", "POST /assist/requests/{id}/{answer}", "GET /assist/history",
                "POST /assist/history/{id}/revoke", "GET /api/v1/assist/requests",
                "POST /api/v1/assist/requests/{id}/approve", "POST /api/v1/assist/requests/{id}/decline",
                "GET /api/v1/assist/history", "POST /api/v1/assist/history/{id}/revoke",
                "GET /code", "GET /code/current", "GET /code/image.svg", "GET /api/v1/codes/resident",
                "POST /family/bind", "POST /family/{memberId}/unbind", "POST /family/{memberId}/rebind",
                "POST /family/invitations/{id}/{answer}",
                "POST /api/v1/family", "DELETE /api/v1/family/{memberId}", "GET /api/v1/family/invitations",
                "POST /api/v1/family/invitations/{id}/{answer}",
                // WeChat's authorization of the resident's own WeChat, for paying on their own phone.
                "GET /payment/wechat-auth");
        classify(Kind.FOR_THE_ASSISTED_RESIDENT,
                "GET /home", "GET /api/v1/me", "GET /contribution", "GET /api/v1/contributions", "GET /family",
                "GET /api/v1/family",
                "GET /payments", "GET /payment/new", "POST /payment/review", "POST /payment", "GET /payment/{id}",
                "GET /payment/{id}/status", "POST /payment/{id}/cash", "GET /payment/{id}/receipts/{file}",
                "GET /api/v1/payments", "POST /api/v1/payments", "GET /api/v1/payments/{id}",
                "POST /api/v1/payments/{id}/cash", "GET /api/v1/receipts/{id}",
                "GET /filing", "GET /filing/new", "GET /filing/new/{type}", "POST /filing/review", "GET /filing/review",
                "POST /filing",
                "GET /filing/{id}", "POST /filing/{id}/cancel", "GET /filing/{id}/materials/{material}",
                "GET /api/v1/filings/types", "GET /api/v1/filings", "POST /api/v1/filings", "GET /api/v1/filings/{id}",
                "POST /api/v1/filings/{id}/cancel",
                "GET /benefits", "GET /api/v1/benefits", "POST /api/v1/benefits/estimate",
                "GET /prescriptions", "GET /prescriptions/{id}", "GET /api/v1/prescriptions",
                "GET /api/v1/prescriptions/{id}");
    }

    @Autowired
    private List<RouterFunction<?>> routers;

    @Test
    void everyRouteThePortalHasIsClassifiedAndTheGateAgreesWithTheClassification() {
        Set<String> declared = RouteCatalog.of(routers);

        assertThat(declared).as("routes with no line in this test: classify them").isSubsetOf(ROUTES.keySet());
        assertThat(ROUTES.keySet()).as("lines for routes the portal no longer has").isSubsetOf(declared);
        Things nobody = Things.placeholders();
        assertSoftly(softly -> ROUTES.forEach((route, kind) -> {
            String method = route.substring(0, route.indexOf(' '));
            String path = nobody.fill(route.substring(route.indexOf(' ') + 1));
            softly.assertThat(AssistGate.isResidentScoped(path)).as("resident-scoped: %s", route)
                    .isEqualTo(kind != Kind.NOT_ACTING);
            if (kind != Kind.NOT_ACTING) {
                softly.assertThat(AssistRules.allows(method, path)).as("allowed while assisting: %s", route)
                        .isEqualTo(kind == Kind.FOR_THE_ASSISTED_RESIDENT);
            }
        }));
    }

    /** The ids of one resident's things, put into route patterns. */
    record Things(String paymentId, String filingId, String memberId, String assistSessionId, String surname,
                  String orderNo, String prescriptionId) {

        static Things placeholders() {
            String id = UUID.randomUUID().toString();
            return new Things(id, id, id, id, "无", "P0", id);
        }

        String fill(String pattern) {
            boolean filing = pattern.contains("filing");
            boolean assist = pattern.contains("assist");
            boolean prescription = pattern.contains("prescription");
            return pattern.replace("{id}", filing ? filingId : assist ? assistSessionId
                            : prescription ? prescriptionId : paymentId)
                    .replace("{memberId}", memberId).replace("{material}", UUID.randomUUID().toString())
                    .replace("{file}", "receipt.pdf").replace("{type}", "LONG_TERM_RESIDENCE")
                    .replace("{answer}", "approve").replace("{token}", "x").replace("{channel}", "SANDBOX")
                    .replace("{date}", "2023-10-15").replace("{orderNo}", orderNo);
        }

        /** Anything in an answer that would show this resident's things. */
        List<String> traces() {
            return List.of(paymentId, filingId, memberId, orderNo, surname, prescriptionId);
        }
    }

    @Test
    void aWorkerAssistingAReachesNothingOfBOnAnyResidentRouteAndEachRequestIsAuditedOnce() throws Exception {
        Resident a = fresh(WENSHUI, "阚大山");
        Resident b = fresh(WENSHUI, "蔺小河");
        Things ofB = thingsOf(b);
        String staff = signIn.staffAccessToken("staff-wenshui");
        String session = startFromCode(staff, a);
        BrowserSession browser = staffBrowser("staff-wenshui");
        continueInBrowser(browser, session);
        String before = stateOf(ofB);
        AtomicInteger requests = new AtomicInteger();

        assertSoftly(softly -> ROUTES.forEach((route, kind) -> {
            if (kind == Kind.NOT_ACTING) {
                return;
            }
            String method = route.substring(0, route.indexOf(' '));
            String path = ofB.fill(route.substring(route.indexOf(' ') + 1));
            String requestId = "assist-route-" + requests.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
            EntityExchangeResult<byte[]> result = path.startsWith("/api/")
                    ? api(method, path, staff, session, requestId, ofB)
                    : page(browser, method, path, requestId, ofB);
            int status = result.getStatus().value();
            String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody());
            URI location = result.getResponseHeaders().getLocation();
            if (kind == Kind.REFUSED_WHILE_ASSISTING) {
                if (path.startsWith("/api/")) {
                    softly.assertThat(status).as("%s is refused", route).isEqualTo(403);
                } else {
                    softly.assertThat(location).as("%s goes back to the desk", route)
                            .hasToString("/staff/assist?refused=not-allowed");
                }
            } else {
                softly.assertThat(status).as("%s (%s) answers without failing", route, body).isLessThan(500);
                for (String trace : ofB.traces()) {
                    softly.assertThat(body).as("%s shows nothing of B", route).doesNotContain(trace);
                }
                if (route.contains("{id}")) {
                    softly.assertThat(status).as("%s with B's id is not found", route).isEqualTo(404);
                }
            }
            try {
                softly.assertThat(assistAuditRows(requestId, session)).as("audit rows for %s", route).isEqualTo(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(stateOf(ofB)).as("nothing of B's changed").isEqualTo(before);
        assertThat(count("select count(*) from assist_action where session_id = $1", UUID.fromString(session)))
                .isEqualTo(requests.get());
    }

    /**
     * B with a paid order, a filing, a bound adult member, an ended assisted session of their own and a two-disease
     * prescription waiting at the pharmacy (as the upstream import would store it).
     */
    private Things thingsOf(Resident b) throws InterruptedException {
        JsonNode order = json(portal.post().uri("/api/v1/payments").headers(h -> h.setBearerAuth(b.token()))
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        String paymentId = order.get("paymentId").asString();
        String orderNo = json(portal.get().uri("/api/v1/payments/" + paymentId).headers(h -> h.setBearerAuth(b.token()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody()).get("orderNo").asString();
        portal.post().uri("/sandbox-pay/api/orders/" + orderNo + "/pay").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"notification\":\"ONCE\"}").exchange().expectStatus().isOk();
        waitUntilPaid(b, paymentId);
        String filingId = json(portal.post().uri("/api/v1/filings").headers(h -> h.setBearerAuth(b.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "LONG_TERM_RESIDENCE", "insured", "SELF", "destination", "210100",
                        "startDate", "2023-10-15", "reason", "随子女生活", "commitment", true))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get("id").asString();
        Resident spouse = fresh(WENSHUI, "蔺小溪");
        String memberId = bind(b, spouse);
        String staffWenshui = signIn.staffAccessToken("staff-wenshui");
        String bSession = startFromCode(staffWenshui, b);
        portal.delete().uri("/api/v1/assist/sessions/" + bSession).headers(h -> h.setBearerAuth(staffWenshui))
                .exchange().expectStatus().isOk();
        return new Things(paymentId, filingId, memberId, bSession, "蔺", orderNo, prescriptionOf(b));
    }

    private String prescriptionOf(Resident b) {
        UUID residentId = database.sql("select id from resident where psn_no = :psn").bind("psn", "T" + b.certno())
                .map(row -> row.get("id", UUID.class)).one().block();
        return IssuedPrescriptions.forResident(database, residentId, "CF-AR-");
    }

    private void waitUntilPaid(Resident b, String paymentId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            String status = json(portal.get().uri("/api/v1/payments/" + paymentId).headers(h -> h.setBearerAuth(b.token()))
                    .exchange().expectBody().returnResult().getResponseBody()).get("status").asString();
            if (status.equals("PAID")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("B's order was not paid in time");
    }

    private String bind(Resident owner, Resident member) {
        String memberId = json(portal.post().uri("/api/v1/family").headers(h -> h.setBearerAuth(owner.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("certno", member.certno(), "name", member.name(), "relation", "SPOUSE"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("memberId").asString();
        JsonNode invitations = json(portal.get().uri("/api/v1/family/invitations").headers(h -> h.setBearerAuth(member.token()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        portal.post().uri("/api/v1/family/invitations/" + invitations.get(0).get("bindingId").asString() + "/accept")
                .headers(h -> h.setBearerAuth(member.token())).exchange().expectStatus().isNoContent();
        return memberId;
    }

    /** Everything of B's the routes could change, as one string to compare before and after. */
    private String stateOf(Things b) {
        return database.sql("select (select string_agg(status, ',') from payment_order where id = $1) || '|' "
                        + "|| (select status from filing where id = $2) || '|' "
                        + "|| (select count(*) from family_binding where member_id = $3 or owner_id = $3) || '|' "
                        + "|| (select count(*) from payment_item where insured_id = $3) || '|' "
                        + "|| (select count(*) from filing where insured_id = $3) || '|' "
                        + "|| (select status from assist_session where id = $4) || '|' "
                        + "|| (select status from prescription where id = $5) as state")
                .bind(0, UUID.fromString(b.paymentId())).bind(1, UUID.fromString(b.filingId()))
                .bind(2, UUID.fromString(b.memberId())).bind(3, UUID.fromString(b.assistSessionId()))
                .bind(4, UUID.fromString(b.prescriptionId()))
                .map(row -> row.get("state", String.class)).one().block();
    }

    /** The API request for a route, aimed at B: B's ids in the path, B's bound member as the insured person. */
    private EntityExchangeResult<byte[]> api(String method, String path, String staff, String session, String requestId,
                                             Things b) {
        WebTestClient.RequestBodySpec request = portal.method(HttpMethod.valueOf(method)).uri(path)
                .headers(h -> {
                    h.setBearerAuth(staff);
                    h.set("X-Assist-Session", session);
                    h.set("X-Request-Id", requestId);
                    h.set("Idempotency-Key", "key-" + UUID.randomUUID());
                });
        String body = switch (path) {
            case "/api/v1/payments" -> "{\"year\":2024,\"insured\":[\"" + b.memberId() + "\"],\"channel\":\"SANDBOX\"}";
            case "/api/v1/filings" -> "{\"type\":\"OTHER_TEMPORARY\",\"insured\":\"" + b.memberId()
                    + "\",\"destination\":\"350100\",\"startDate\":\"2023-10-15\",\"reason\":\"探亲\"}";
            case "/api/v1/family" -> "{\"certno\":\"110101198001010011\",\"name\":\"某某\",\"relation\":\"SPOUSE\"}";
            default -> path.endsWith("/cash") ? "{\"receiptNo\":\"WS-2023-000999\"}" : null;
        };
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange().expectBody().returnResult();
    }

    /** The page request for a route, from the worker's browser, aimed at B in the same way. */
    private EntityExchangeResult<byte[]> page(BrowserSession browser, String method, String path, String requestId,
                                              Things b) {
        if (method.equals("GET")) {
            return browser.client().get().uri(path).header("X-Request-Id", requestId).exchange().expectBody().returnResult();
        }
        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("_csrf", csrf(pageWithoutAssist(browser)));
        if (path.startsWith("/payment")) {
            fields.add("key", UUID.randomUUID().toString());
            fields.add("year", "2024");
            fields.add("insured", b.memberId());
            fields.add("channel", "SANDBOX");
            fields.add("receiptNo", "WS-2023-000999");
        } else if (path.startsWith("/filing")) {
            fields.add("type", "OTHER_TEMPORARY");
            fields.add("insured", b.memberId());
            fields.add("destination", "350100");
            fields.add("startDate", "2023-10-15");
            fields.add("reason", "探亲");
        } else if (path.startsWith("/family")) {
            fields.add("certno", "110101198001010011");
            fields.add("name", "某某");
            fields.add("relation", "SPOUSE");
        }
        WebTestClient.RequestBodySpec request = browser.client().post().uri(path).header("X-Request-Id", requestId);
        // The filing form's last step carries uploads; every other form is a plain one.
        if (path.equals("/filing")) {
            MultipartBodyBuilder multipart = new MultipartBodyBuilder();
            fields.forEach((name, values) -> values.forEach(value -> multipart.part(name, value)));
            return request.contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(BodyInserters.fromMultipartData(multipart.build())).exchange().expectBody().returnResult();
        }
        return request.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(fields))
                .exchange().expectBody().returnResult();
    }

    /** A page of the worker's own (the desk) to take a CSRF token from without acting for anyone. */
    private static String pageWithoutAssist(BrowserSession browser) {
        return AssistOverHttp.page(browser, "/staff/assist");
    }
}
