package cn.yibao.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.identity.api.StaffRole;
import cn.yibao.portal.identity.api.StaffRoutes.RegionOf;
import cn.yibao.portal.identity.api.StaffRoutes.StaffRoute;
import cn.yibao.portal.identity.api.StaffRoutes;
import cn.yibao.portal.qrcode.QrImages;
import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.FreshStaff;
import cn.yibao.portal.support.Household;
import cn.yibao.portal.support.PortalIntegrationTest;
import cn.yibao.portal.support.RouteCatalog;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every staff route — API and pages — against the table {@link StaffRoutes}: a route nobody put in the table fails
 * the first test; then each route is tried, aimed at things of 文水县 (a resident with a paid family order, an
 * unpaid order flagged for review, another unpaid order, a filing under review, an assisted session of a 文水
 * worker, an upstream batch), by a 文水 staff member holding every role but the one the route needs, and by a
 * 威海 staff member holding every role. Both are refused — or, on a list, shown nothing of 文水 — and nothing of
 * 文水's changes.
 */
class StaffRoutesIT extends PortalIntegrationTest {

    private static final String WENSHUI = "141121";
    private static final String WEIHAI = "371000";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private List<RouterFunction<?>> routers;

    @Autowired
    private BusinessClock clock;

    /** Paths only staff reach (the table's {@link StaffRoutes#STAFF_PATHS}). */
    private static boolean staffPath(String path) {
        return path.equals("/staff") || path.startsWith("/staff/") || path.startsWith("/api/v1/staff/")
                || path.startsWith("/api/v1/admin/") || path.startsWith("/api/v1/assist/sessions");
    }

    @Test
    void everyStaffRouteThePortalDeclaresIsInTheTableAndEveryLineOfTheTableIsARoute() {
        Set<String> declared = RouteCatalog.of(routers);
        Set<String> staffRoutes = declared.stream().filter(route -> staffPath(route.substring(route.indexOf(' ') + 1)))
                .collect(Collectors.toSet());
        Set<String> table = StaffRoutes.ROUTES.stream().map(StaffRoute::route).collect(Collectors.toSet());

        assertThat(staffRoutes).as("staff routes with no line in StaffRoutes: give each its role and region").isSubsetOf(table);
        assertThat(table).as("lines for routes the portal does not have").isSubsetOf(declared);
        assertThat(StaffRoutes.ROUTES).filteredOn(StaffRoute::publicRoute)
                .allSatisfy(line -> assertThat(staffPath(line.path())).as(line.route()).isFalse());
    }

    @Test
    void aStaffMemberWithoutTheRoleARouteNeedsIsRefusedEverywhereAndNothingOfWenshuiChanges() {
        Map<StaffRole, Staff> lacking = new EnumMap<>(StaffRole.class);
        for (StaffRole role : StaffRole.values()) {
            lacking.put(role, staff(WENSHUI, Arrays.stream(StaffRole.values()).filter(r -> r != role)
                    .map(Enum::name).toArray(String[]::new)));
        }

        everyRouteChangesNothingOfWenshui(line -> line.role() == null ? null : lacking.get(line.role()),
                (softly, line, answer) -> {
                    softly.assertThat(answer.status()).as("%s without %s (%s)", line.route(), line.role(), answer.body())
                            .isEqualTo(403);
                    if (!line.api()) {
                        softly.assertThat(answer.body()).as("%s: the no-permission page, not a CSRF refusal",
                                line.route()).contains("权限");
                    }
                });
    }

    @Test
    void aStaffMemberOfAnotherRegionIsRefusedWhateverTheirRolesAndNothingOfWenshuiChanges() {
        Staff weihai = staff(WEIHAI, Arrays.stream(StaffRole.values()).map(Enum::name).toArray(String[]::new));

        everyRouteChangesNothingOfWenshui(line -> weihai, (softly, line, answer) -> {
            if (shows(line.regionOf())) {
                softly.assertThat(answer.status()).as("%s (%s)", line.route(), answer.body()).isEqualTo(200);
            } else {
                softly.assertThat(answer.status()).as("%s refused (%s)", line.route(), answer.body()).isIn(403, 404, 422);
            }
        });
    }

    record Answer(int status, String body) {
    }

    interface Expectation {
        void check(SoftAssertions softly, StaffRoute line, Answer answer);
    }

    /**
     * Sends every route its request as {@code who} says (none where it gives null), checks the answer as expected, that
     * it shows nothing of 文水, and that nothing of 文水 changed.
     */
    private void everyRouteChangesNothingOfWenshui(Function<StaffRoute, Staff> who, Expectation expected) {
        Wenshui wenshui = wenshui();
        String before = state(wenshui);
        assertSoftly(softly -> {
            for (StaffRoute line : StaffRoutes.ROUTES) {
                Staff staff = who.apply(line);
                if (staff == null) {
                    continue;
                }
                EntityExchangeResult<byte[]> sent = send(call(line, wenshui), staff);
                Answer answer = new Answer(sent.getStatus().value(), text(sent));
                expected.check(softly, line, answer);
                for (String trace : wenshui.traces()) {
                    softly.assertThat(answer.body()).as("%s shows nothing of 文水", line.route()).doesNotContain(trace);
                }
                softly.assertThat(state(wenshui)).as("nothing changed by %s", line.route()).isEqualTo(before);
            }
        });
    }

    /**
     * The control: the very same requests from a 文水 staff member holding every role (the session's own worker) get
     * past role and region — so the refusals above are the gates', not a malformed request's or a missing CSRF
     * token's. Run on a 文水 of its own, since these requests do change things.
     */
    @Test
    void theSameRequestsFromAWenshuiStaffMemberWithTheRolesGetPastRoleAndRegion() {
        Wenshui wenshui = make();
        Staff own = new Staff(signIn.staffAccessToken(FreshStaff.login(), ownWorker(wenshui)),
                signIn.asStaff(FreshStaff.login(), ownWorker(wenshui)));

        assertSoftly(softly -> {
            for (StaffRoute line : StaffRoutes.ROUTES) {
                EntityExchangeResult<byte[]> answer = send(call(line, wenshui), own);
                String body = text(answer);
                softly.assertThat(answer.getStatus().value()).as("%s (%s)", line.route(), body)
                        .isLessThan(500).isNotIn(401, 403, 404);
                softly.assertThat(body).as(line.route()).doesNotContain("岗位权限", "不属于您所在地区", "不在您所在经办机构的辖区");
            }
        });
        assertThat(state(wenshui)).as("and they did what they do").isNotEqualTo(wenshui.stateWhenMade());
    }

    private static String ownWorker(Wenshui wenshui) {
        return FreshStaff.claimsOf(wenshui.workerId(), WENSHUI,
                Arrays.stream(StaffRole.values()).map(Enum::name).toArray(String[]::new));
    }

    /** Routes that are not about one thing of a region answer, showing only the staff member's region. */
    private static boolean shows(RegionOf regionOf) {
        return regionOf == RegionOf.NOTHING || regionOf == RegionOf.LISTS_OWN_REGION
                || regionOf == RegionOf.WHOLE_DEPLOYMENT || regionOf == RegionOf.ORDERS_IN_BILL;
    }

    // ---- 文水's things ----------------------------------------------------------------------------------------

    /**
     * @param paidOrderNo    a family order of three, paid (what a refund would take back)
     * @param flaggedOrderNo an unpaid order a bill contradicted, flagged for 文水's operators
     * @param billOrderNo    an unpaid order the requests' hand-made bill names
     * @param filingId       a referral under review (in 文水's review queue)
     * @param filedWithMaterial a filing with an uploaded proof, {@code materialId}
     * @param confirmation   a 文水 operator's confirmation of the paid order's refund (as the second step sends it)
     */
    record Wenshui(String token, String certno, String name, String paidOrderNo, String flaggedOrderNo,
                   String billOrderNo, String filingId, String filingNumber, String filedWithMaterial, String materialId,
                   String sessionId, String workerId, String importFile, String confirmation, String stateWhenMade) {

        /** What no answer to another region's staff, or to staff without the role, may show. */
        List<String> traces() {
            return List.of(paidOrderNo, flaggedOrderNo, billOrderNo, filingNumber, importFile, name.substring(0, 1) + "*");
        }
    }

    private static Wenshui shared;

    /** One 文水 for the two refusal tests (they change nothing of it). */
    private synchronized Wenshui wenshui() {
        if (shared == null) {
            shared = make();
        }
        return shared;
    }

    private Wenshui make() {
        String day = today();
        Household family;
        try {
            family = Household.create(portal, signIn, database, "禤");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Resident holder = new Resident(family.owner.token(), family.owner.claims());
        String paidOrderNo = orderNo(holder, family.paymentId);

        String flaggedOrderNo = orderNo(resident("禤守三"));
        String billOrderNo = orderNo(resident("禤守四"));
        String operator = signIn.staffAccessToken(FreshStaff.login(), FreshStaff.claims(WENSHUI, "PAYMENT_OPERATOR"));
        portal.post().uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=" + day)
                .headers(h -> h.setBearerAuth(operator)).contentType(MediaType.TEXT_PLAIN)
                .bodyValue(bill(flaggedOrderNo)).exchange().expectStatus().isOk();
        assertThat(count("select count(*) from payment_order where order_no = $1 and review_reason is not null",
                flaggedOrderNo)).as("flagged for 文水's operators").isEqualTo(1);
        String confirmation = json(portal.post().uri("/api/v1/staff/payments/" + paidOrderNo + "/refund/preview")
                .headers(h -> h.setBearerAuth(operator)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "参保人已在务工地参保缴费"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody())
                .get("confirmation").asString();

        JsonNode referral = json(portal.post().uri("/api/v1/filings").headers(h -> h.setBearerAuth(family.spouse.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "REFERRAL", "insured", "SELF", "destination", "140100",
                        "startDate", day, "reason", "转诊太原"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        assertThat(referral.get("status").asString()).isEqualTo("UNDER_REVIEW");

        String workerId = "S141121" + UUID.randomUUID().toString().substring(0, 8);
        String helpDesk = signIn.staffAccessToken(FreshStaff.login(), FreshStaff.claimsOf(workerId, WENSHUI, "HELP_DESK"));
        String sessionId = json(portal.post().uri("/api/v1/assist/sessions").headers(h -> h.setBearerAuth(helpDesk))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("residentCode", code(holder.token())))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("sessionId").asString();

        String importFile = "staff-routes-" + UUID.randomUUID() + ".csv";
        String dataOperator = signIn.staffAccessToken(FreshStaff.login(), FreshStaff.claims(WENSHUI, "DATA_OPERATOR"));
        portal.post().uri("/api/v1/admin/imports/assistance").headers(h -> {
                    h.setBearerAuth(dataOperator);
                    h.set("X-File-Name", importFile);
                }).contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(assistanceList(holder.certno(), holder.name(), "MONITORED")).exchange().expectStatus().isOk();

        Wenshui made = new Wenshui(holder.token(), holder.certno(), holder.name(), paidOrderNo, flaggedOrderNo,
                billOrderNo, referral.get("id").asString(), referral.get("number").asString(), family.filingId,
                family.materialId, sessionId, workerId, importFile, confirmation, null);
        return new Wenshui(made.token(), made.certno(), made.name(), paidOrderNo, flaggedOrderNo, billOrderNo,
                made.filingId(), made.filingNumber(), made.filedWithMaterial(), made.materialId(), sessionId, workerId,
                importFile, confirmation, state(made));
    }

    /** Everything of 文水's the routes could change, as one string to compare before and after. */
    private String state(Wenshui w) {
        return database.sql("""
                        select (select string_agg(status, ',') from payment_order where order_no in ($1, $2, $3))
                            || '|' || (select count(*) from payment_order where order_no in ($1, $2, $3)
                                       and review_reason is not null)
                            || '|' || (select count(*) from payment_refund r join payment_order o on o.id = r.order_id
                                       where o.order_no = $1)
                            || '|' || (select count(*) from sandbox_refund where order_no = $1)
                            || '|' || (select string_agg(status, ',') from filing where id in ($4, $7))
                            || '|' || (select status || coalesce(ended_by, '') from assist_session where id = $5)
                            || '|' || (select count(*) from assist_session s join resident r on r.id = s.resident_id
                                       where r.psn_no = $6)
                            || '|' || (select assistance from resident where psn_no = $6)
                            || '|' || (select count(*) from upstream_batch)
                            || '|' || (select count(*) from audit_event a join resident r on r.id = a.resident_id
                                       where r.psn_no = $6 and a.action = 'CODE_VERIFY' and a.outcome = 'SUCCESS')
                            as state""")
                .bind(0, w.paidOrderNo()).bind(1, w.flaggedOrderNo()).bind(2, w.billOrderNo())
                .bind(3, UUID.fromString(w.filingId())).bind(4, UUID.fromString(w.sessionId()))
                .bind(5, "T" + w.certno()).bind(6, UUID.fromString(w.filedWithMaterial()))
                .map(row -> row.get("state", String.class)).one().block();
    }

    // ---- the request each route gets ---------------------------------------------------------------------------

    enum Body { NONE, JSON, FORM, MULTIPART, TEXT }

    /** A request: method and path, what kind of body, and its fields (a file part's bytes under "file:name"). */
    record Call(String method, String path, Body body, Map<String, Object> fields, String text) {
    }

    /** The request a route gets, aimed at 文水's things and otherwise complete, so that only role and region stop it. */
    private Call call(StaffRoute line, Wenshui w) {
        String path = line.path().replace("{orderNo}", w.paidOrderNo()).replace("{kind}", "assistance")
                .replace("{material}", w.materialId())
                .replace("{id}", line.path().contains("materials") ? w.filedWithMaterial()
                        : line.path().contains("filings") ? w.filingId() : w.sessionId());
        String reason = "参保人已在务工地参保缴费";
        return switch (line.route()) {
            case "POST /staff/verify" -> new Call("POST", path, Body.FORM, Map.of("token", code(w)), null);
            case "POST /staff/verify/image" -> new Call("POST", path, Body.MULTIPART,
                    Map.of("image", file("code.png", QrImages.png(code(w), 8))), null);
            case "POST /api/v1/codes/verify" -> new Call("POST", path, Body.JSON, Map.of("token", code(w)), null);
            case "GET /verify" -> new Call("GET", path + "?t=" + code(w), Body.NONE, Map.of(), null);
            case "POST /staff/assist/code", "POST /api/v1/assist/sessions" -> new Call("POST", path,
                    line.api() ? Body.JSON : Body.FORM, Map.of("residentCode", code(w)), null);
            case "POST /staff/assist/request" -> new Call("POST", path, Body.FORM,
                    Map.of("certno", w.certno(), "name", w.name()), null);
            case "POST /staff/assist/{id}/code", "POST /api/v1/assist/sessions/{id}/code" -> new Call("POST", path,
                    line.api() ? Body.JSON : Body.FORM, Map.of("code", "000000"), null);
            case "POST /staff/filings/{id}/decision" -> new Call("POST", path, Body.FORM,
                    Map.of("decision", "approve"), null);
            case "POST /staff/payments/reconciliations" -> new Call("POST", path, Body.MULTIPART, Map.of(
                    "channel", "SANDBOX", "date", today(), "bill", file("bill.csv",
                            bill(w.billOrderNo()).getBytes(StandardCharsets.UTF_8))), null);
            case "POST /api/v1/staff/payments/reconciliations" -> new Call("POST",
                    path + "?channel=SANDBOX&date=" + today(), Body.TEXT, Map.of(), bill(w.billOrderNo()));
            case "POST /staff/payments/refunds" -> new Call("POST", path, Body.FORM,
                    Map.of("orderNo", w.paidOrderNo(), "reason", reason), null);
            case "POST /staff/payments/refunds/confirm" -> new Call("POST", path, Body.FORM,
                    Map.of("orderNo", w.paidOrderNo(), "reason", reason, "confirmation", w.confirmation()), null);
            case "POST /api/v1/staff/payments/{orderNo}/refund/preview" -> new Call("POST", path, Body.JSON,
                    Map.of("reason", reason), null);
            case "POST /api/v1/staff/payments/{orderNo}/refund" -> new Call("POST", path, Body.JSON,
                    Map.of("reason", reason, "confirmation", w.confirmation()), null);
            case "POST /staff/imports" -> new Call("POST", path, Body.MULTIPART, Map.of("kind", "assistance",
                    "file", file("list-" + UUID.randomUUID() + ".csv", assistanceList(w, "MINIMUM_LIVING"))), null);
            case "POST /api/v1/admin/imports/{kind}" -> new Call("POST", path, Body.TEXT, Map.of(),
                    new String(assistanceList(w, "MINIMUM_LIVING"), StandardCharsets.UTF_8));
            default -> new Call(line.method(), path, line.method().equals("GET") || line.method().equals("DELETE")
                    ? Body.NONE : Body.FORM, Map.of(), null);
        };
    }

    private static Map.Entry<String, byte[]> file(String name, byte[] content) {
        return Map.entry(name, content);
    }

    /** A staff member: an API token and a signed-in browser, both from the staff issuer, with these claims. */
    record Staff(String token, BrowserSession browser) {
    }

    private Staff staff(String region, String... roles) {
        String claims = FreshStaff.claims(region, roles);
        return new Staff(signIn.staffAccessToken(FreshStaff.login(), claims), signIn.asStaff(FreshStaff.login(), claims));
    }

    private EntityExchangeResult<byte[]> send(Call call, Staff staff) {
        boolean api = call.path().startsWith("/api/");
        WebTestClient client = api ? portal : staff.browser().client();
        WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(call.method())).uri(call.path())
                .headers(h -> {
                    if (api) {
                        h.setBearerAuth(staff.token());
                        h.set("X-File-Name", "weihai-" + UUID.randomUUID() + ".csv");
                    } else {
                        h.setAccept(List.of(MediaType.TEXT_HTML));
                    }
                });
        WebTestClient.RequestHeadersSpec<?> ready = switch (call.body()) {
            case NONE -> request;
            case JSON -> request.contentType(MediaType.APPLICATION_JSON).bodyValue(call.fields());
            case TEXT -> request.contentType(call.path().contains("imports") ? MediaType.parseMediaType("text/csv")
                    : MediaType.TEXT_PLAIN).bodyValue(call.text());
            case FORM -> {
                LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
                form.add("_csrf", csrf(staff));
                call.fields().forEach((name, value) -> form.add(name, (String) value));
                yield request.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form));
            }
            case MULTIPART -> {
                MultipartBodyBuilder parts = new MultipartBodyBuilder();
                parts.part("_csrf", csrf(staff));
                call.fields().forEach((name, value) -> {
                    if (value instanceof Map.Entry<?, ?> upload) {
                        parts.part(name, new ByteArrayResource((byte[]) upload.getValue()) {
                            @Override
                            public String getFilename() {
                                return (String) upload.getKey();
                            }
                        });
                    } else {
                        parts.part(name, value);
                    }
                });
                yield request.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build()));
            }
        };
        return ready.exchange().expectBody().returnResult();
    }

    /** A CSRF token of the staff member's session, from the staff home page every staff member may open. */
    private static String csrf(Staff staff) {
        return BrowserSession.csrf(staff.browser().page("/staff"));
    }

    /** The answer's body, less a problem detail's {@code instance} (the request's own path, as the caller sent it). */
    private static String text(EntityExchangeResult<byte[]> answer) {
        return answer.getResponseBody() == null ? ""
                : new String(answer.getResponseBody(), StandardCharsets.UTF_8).replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    // ---- residents, orders, files ------------------------------------------------------------------------------

    record Resident(String token, String claims) {

        String certno() {
            return JSON.readTree(claims).get("certno").asString();
        }

        String name() {
            return JSON.readTree(claims).get("name").asString();
        }
    }

    private Resident resident(String name) {
        String claims = FreshResidents.adultIn(WENSHUI, name);
        Resident resident = new Resident(signIn.accessToken("staff-routes-" + UUID.randomUUID(), claims), claims);
        portal.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(resident.token())).exchange().expectStatus().isOk();
        return resident;
    }

    /** An order for the resident alone, opened at the sandbox and left unpaid; answers its number. */
    private String orderNo(Resident payer) {
        return orderNo(payer, json(portal.post().uri("/api/v1/payments").headers(h -> h.setBearerAuth(payer.token()))
                .header("Idempotency-Key", "staff-routes-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("paymentId").asString());
    }

    private String orderNo(Resident payer, String paymentId) {
        return json(portal.get().uri("/api/v1/payments/" + paymentId).headers(h -> h.setBearerAuth(payer.token()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody()).get("orderNo").asString();
    }

    /** A resident's 医保码, fresh (codes are short-lived). */
    private String code(String residentToken) {
        return json(portal.get().uri("/api/v1/codes/resident").headers(h -> h.setBearerAuth(residentToken))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody()).get("token").asString();
    }

    private String code(Wenshui w) {
        return code(w.token());
    }

    /** A sandbox bill with one hand-made payment line for the order (no one paid it). */
    private String bill(String orderNo) {
        return "交易时间,商户订单号,渠道交易号,类型,金额(元),退款单号\n" + today() + "T10:00:00+08:00," + orderNo
                + ",SB-STAFF-ROUTES-" + UUID.randomUUID().toString().substring(0, 8) + ",PAYMENT,380.00,\n";
    }

    private static byte[] assistanceList(Wenshui w, String status) {
        return assistanceList(w.certno(), w.name(), status);
    }

    private static byte[] assistanceList(String certno, String name, String status) {
        return ("certno,name,status,listedOn,department\n" + certno + "," + name + "," + status
                + ",2023-10-02,文水县民政局\n").getBytes(StandardCharsets.UTF_8);
    }

    private String today() {
        return clock.today().toString();
    }

    private long count(String sql, Object... parameters) {
        var spec = database.sql(sql);
        for (int i = 0; i < parameters.length; i++) {
            spec = spec.bind(i, parameters[i]);
        }
        return spec.map(row -> row.get(0, Long.class)).one().block();
    }

    private static JsonNode json(byte[] body) {
        return JSON.readTree(body);
    }
}
