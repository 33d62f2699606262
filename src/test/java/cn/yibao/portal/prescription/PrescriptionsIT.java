package cn.yibao.portal.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two-disease records as the upstream import leaves them (rows inserted here directly), seen through the API, the
 * pages, the home page and the staff counter. Dates are relative to the business date (sandbox: 2023-10-15).
 */
class PrescriptionsIT extends PortalIntegrationTest {

    private static final String WENSHUI = "141121";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    BusinessClock clock;

    private LocalDate today;
    private UUID batch;

    /** A resident of this test's own: the login (e-voucher subject), the claims, a bearer token, the record id. */
    record Person(String login, String claims, String token, UUID id) {
        String certno() {
            return JSON.readTree(claims).get("certno").asString();
        }

        String name() {
            return JSON.readTree(claims).get("name").asString();
        }
    }

    @BeforeEach
    void batch() {
        today = clock.today();
        batch = UUID.randomUUID();
        database.sql("""
                        insert into upstream_batch (id, kind, file_name, content_sha256, lines, inserted, updated,
                                                    unchanged, operator, imported_at)
                        values (:id, 'PRESCRIPTIONS', 'prescriptions-it.jsonl', :sha, 0, 0, 0, 0, 'sandbox-feed', :now)""")
                .bind("id", batch).bind("sha", new byte[32]).bind("now", Instant.now())
                .then().block();
    }

    // --- the A household: a qualified patient with an issued, a dispensed and a settled prescription ----------------

    private record Patient(Person person, UUID issued, UUID dispensed, UUID settled, String settledNo) {
    }

    private Patient patient(String name) {
        Person a = person(FreshResidents.adultIn(WENSHUI, name));
        qualification(a.id(), "HYPERTENSION", today.minusMonths(7));
        qualification(a.id(), "DIABETES", today.minusMonths(4));
        // Diabetes: issued yesterday, waiting at the pharmacy.
        UUID issued = prescription(a.id(), "CF-I-", "DIABETES", "二甲双胍片", "0.5g×20片", 3, 30, false,
                today.minusDays(1), "ISSUED", null).id();
        // Hypertension: picked up 25 days ago, 28 days' supply: runs out in 2 days.
        UUID dispensed = prescription(a.id(), "CF-D-", "HYPERTENSION", "氨氯地平片", "5mg×28片", 1, 28, false,
                today.minusDays(25), "DISPENSED", today.minusDays(25)).id();
        // Hypertension: a 12-week long prescription from the spring, settled in two bills.
        Inserted settled = prescription(a.id(), "CF-S-", "HYPERTENSION", "缬沙坦胶囊", "80mg×7粒", 12, 84, true,
                today.minusMonths(5), "SETTLED", today.minusMonths(5).plusDays(1));
        int year = today.getYear();
        settlement(a.id(), year, "TWO_DISEASE", settled.number(), 3360, 0, 500, 1140);
        settlement(a.id(), year, "TWO_DISEASE", settled.number(), 1000, 200, 0, 800);
        settlement(a.id(), year, "TWO_DISEASE", null, 640, 0, 0, 160);      // counts towards this year's spending
        settlement(a.id(), year - 1, "TWO_DISEASE", null, 9999, 0, 0, 1);  // last year: does not
        settlement(a.id(), year, "OUTPATIENT", null, 12345, 0, 0, 5);      // outpatient pooling: does not
        return new Patient(a, issued, dispensed, settled.id(), settled.number());
    }

    @Test
    void theApiListsQualificationsPrescriptionsNewestFirstWithSupplyEndReimbursementAndThisYearsSpending() {
        Patient a = patient("荀志刚");

        JsonNode list = getJson(a.person().token(), "/api/v1/prescriptions");

        assertThat(list.get("benefitYear").asInt()).isEqualTo(today.getYear());
        assertThat(list.get("twoDiseaseUsedFen").asLong()).as("3360 + 1000 + 640").isEqualTo(5000);
        assertThat(list.get("people")).hasSize(1);
        assertThat(list.get("people").get(0).get("maskedName").asString()).isEqualTo("荀**");
        assertThat(texts(list.get("qualifications"), "disease")).containsExactly("HYPERTENSION", "DIABETES");
        assertThat(list.get("qualifications").get(0).get("facilityName").asString()).isEqualTo("文水县人民医院");
        assertThat(list.get("qualifications").get(0).get("personId").asString()).isEqualTo(a.person().id().toString());

        JsonNode prescriptions = list.get("prescriptions");
        assertThat(texts(prescriptions, "id")).containsExactly(a.issued().toString(), a.dispensed().toString(),
                a.settled().toString());
        JsonNode issued = prescriptions.get(0);
        assertThat(issued.get("status").asString()).isEqualTo("ISSUED");
        assertThat(issued.get("statusName").asString()).isEqualTo("待取药");
        assertThat(issued.get("supplyEndsOn").asString()).isEqualTo(today.minusDays(1).plusDays(29).toString());
        assertThat(issued.get("reimbursement").get("settlements").asInt()).isZero();
        assertThat(issued.has("pickupCode")).as("codes only on the detail").isFalse();
        JsonNode dispensed = prescriptions.get(1);
        assertThat(dispensed.get("supplyEndsOn").asString()).isEqualTo(today.plusDays(2).toString());
        assertThat(dispensed.get("longPrescription").asBoolean()).isFalse();
        assertThat(dispensed.get("quantity").asInt()).isEqualTo(1);
        assertThat(dispensed.get("quantityUnit").asString()).isEqualTo("盒");
        JsonNode settled = prescriptions.get(2);
        assertThat(settled.get("longPrescription").asBoolean()).isTrue();
        assertThat(settled.get("longPrescriptionLabel").asString()).isEqualTo("长处方（12周）");
        assertThat(settled.get("daysSupply").asInt()).isEqualTo(84);
        JsonNode money = settled.get("reimbursement");
        assertThat(money.get("settlements").asInt()).isEqualTo(2);
        assertThat(money.get("totalFen").asLong()).isEqualTo(7000);
        assertThat(money.get("fundFen").asLong()).isEqualTo(4360);
        assertThat(money.get("criticalIllnessFen").asLong()).isEqualTo(200);
        assertThat(money.get("assistanceFen").asLong()).isEqualTo(500);
        assertThat(money.get("selfFen").asLong()).isEqualTo(1940);

        assertThat(texts(list.get("reminders"), "kind")).containsExactlyInAnyOrder("REFILL_DUE", "AWAITING_PICKUP");

        JsonNode detail = getJson(a.person().token(), "/api/v1/prescriptions/" + a.settled());
        assertThat(detail.get("prescriptionNo").asString()).isEqualTo(a.settledNo());
        assertThat(detail.get("reimbursement").get("fundFen").asLong()).isEqualTo(4360);
        assertThat(detail.get("settlements")).hasSize(2);
        assertThat(detail.has("pickupCode")).as("no pickup code once settled").isFalse();
        assertThat(list.toString()).doesNotContain(a.person().certno());
    }

    @Test
    void thePickupCodeVerifiesForStaffOnlyShowsAtTheCounterAndReportsPickedUpOnceDispensed() {
        Patient a = patient("祁建国");

        JsonNode code = getJson(a.person().token(), "/api/v1/prescriptions/" + a.issued()).get("pickupCode");
        String token = code.get("token").asString();
        assertThat(code.get("imageUrl").asString()).isEqualTo("/codes/image/" + token + ".svg");
        assertThat(Instant.parse(code.get("expiresAt").asString())).isAfter(clock.now().plusSeconds(23 * 3600));

        verify(token, null).expectStatus().isForbidden().expectBody()
                .jsonPath("$.detail").isEqualTo("需要工作人员登录");
        verify(token, signIn.accessToken(a.person().login(), a.person().claims())).expectStatus().isForbidden();
        verify(token, signIn.staffAccessToken("staff-wenshui")).expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.purpose").isEqualTo("PRESCRIPTION")
                .jsonPath("$.subject").isEqualTo("祁**")
                .jsonPath("$.region").isEqualTo("文水县")
                .jsonPath("$.status").value(status -> assertThat((String) status)
                        .contains("糖尿病", "二甲双胍片", "0.5g×20片", "×3盒", "文水县人民医院", today.minusDays(1).toString()));

        BrowserSession desk = signIn.asStaff("staff-wenshui");
        String counter = desk.client().post().uri("/staff/verify").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("token", token).with("_csrf", csrf(page(desk, "/staff"))))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(counter).contains("result-valid", "处方取药码", "祁**", "二甲双胍片");

        database.sql("update prescription set status = 'DISPENSED', dispensed_on = :today where id = :id")
                .bind("today", today).bind("id", a.issued()).then().block();

        verify(token, signIn.staffAccessToken("staff-wenshui")).expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(false)
                .jsonPath("$.reason").isEqualTo("已取药");
        assertThat(getJson(a.person().token(), "/api/v1/prescriptions/" + a.issued()).has("pickupCode")).isFalse();
    }

    @Test
    void anotherResidentGetsNotFoundOnTheApiAndThePageAndSeesTheEmptyState() {
        Patient a = patient("甄立新");
        Person b = person(FreshResidents.adultIn(WENSHUI, "窦春华"));

        for (UUID id : List.of(a.issued(), a.settled())) {
            portal.get().uri("/api/v1/prescriptions/" + id).headers(h -> h.setBearerAuth(b.token())).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("没有找到该处方。");
        }
        portal.get().uri("/api/v1/prescriptions/not-an-id").headers(h -> h.setBearerAuth(b.token())).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode theirs = getJson(b.token(), "/api/v1/prescriptions");
        assertThat(theirs.get("prescriptions")).isEmpty();
        assertThat(theirs.get("qualifications")).isEmpty();
        assertThat(theirs.get("twoDiseaseUsedFen").asLong()).isZero();

        BrowserSession browser = signIn.as(b.login(), b.claims());
        String notFound = browser.client().get().uri("/prescriptions/" + a.issued()).exchange()
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        assertThat(notFound).doesNotContain("二甲双胍片", "甄**");
        browser.client().get().uri("/prescriptions/nonsense").exchange().expectStatus().isNotFound();
        String empty = page(browser, "/prescriptions");
        assertThat(empty).contains("暂无两病认定和电子处方记录", "两病”认定").doesNotContain("甄**", "二甲双胍片");
    }

    @Test
    void thePagesShowThePrescriptionsWithThePickupCodeImageAndTheHomePageRemindsToRefillAndPickUp() {
        Patient a = patient("滕晓东");
        BrowserSession browser = signIn.as(a.person().login(), a.person().claims());

        String home = page(browser, "/home");
        LocalDate end = today.plusDays(2);
        assertThat(home).contains("id=\"tile-prescription\"",
                "您的高血压用药（氨氯地平片）将于" + end.getMonthValue() + "月" + end.getDayOfMonth() + "日用完，请及时续方",
                "新处方已开具，请凭取药码到药店取药",
                "href=\"/prescriptions/" + a.issued() + "\"");

        String list = page(browser, "/prescriptions");
        assertThat(list).contains("滕**（本人）", "高血压 · <span class=\"num\">" + today.minusMonths(7) + "</span> 认定 · 文水县人民医院",
                "医保基金已支付 50 元", "二甲双胍片", "氨氯地平片", "缬沙坦胶囊", "长处方（12周）", "待取药", "已取药", "已结算",
                "预计 " + today.plusDays(2) + " 用完", "费用 70 元，医保基金支付 43.60 元，个人支付 19.40 元");
        String image = imageUrl(list);
        assertThat(list).contains(image.substring("/codes/image/".length(), image.length() - ".svg".length()));
        browser.client().get().uri(image).exchange().expectStatus().isOk().expectHeader().contentType("image/svg+xml");
        assertThat(list.indexOf("二甲双胍片")).as("newest first").isLessThan(list.indexOf("缬沙坦胶囊"));

        String detail = page(browser, "/prescriptions/" + a.settled());
        assertThat(detail).contains("缬沙坦胶囊", "84 天", "43.60 元", "19.40 元", "大病保险支付", "2 元", "医疗救助支付", "5 元")
                .doesNotContain("/codes/image/");
        String issued = page(browser, "/prescriptions/" + a.issued());
        assertThat(issued).contains("取药码", "/codes/image/");

        // Not collected yet: how long it lasts once picked up, never a date it "runs out" before it is in hand.
        String notYet = today.minusDays(1).plusDays(29).toString();
        assertThat(list).contains("取药后可用 30 天").doesNotContain("预计 " + notYet + " 用完");
        assertThat(issued).contains("取药后可用 30 天").doesNotContain(notYet, "预计用完");
    }

    @Test
    void whenTheNewPrescriptionIsAlreadyIssuedTheRefillReminderPointsToThePharmacy() {
        Person a = person(FreshResidents.adultIn(WENSHUI, "鲍德胜"));
        prescription(a.id(), "CF-D-", "HYPERTENSION", "氨氯地平片", "5mg×28片", 1, 28, false,
                today.minusDays(27), "DISPENSED", today.minusDays(27));
        UUID issued = prescription(a.id(), "CF-I-", "HYPERTENSION", "氨氯地平片", "5mg×28片", 1, 28, false,
                today, "ISSUED", null).id();

        JsonNode reminder = getJson(a.token(), "/api/v1/prescriptions").get("reminders").get(0);
        assertThat(reminder.get("kind").asString()).isEqualTo("REFILL_DUE");
        assertThat(reminder.get("supplyEndsOn").asString()).isEqualTo(today.toString());
        assertThat(reminder.get("prescriptionId").asString()).isEqualTo(issued.toString());
        String home = page(signIn.as(a.login(), a.claims()), "/home");
        assertThat(home).contains("您的高血压用药（氨氯地平片）将于" + today.getMonthValue() + "月" + today.getDayOfMonth()
                + "日用完，新处方已开具，请凭取药码到药店取药", "href=\"/prescriptions/" + issued + "\"")
                .doesNotContain("请及时续方");
    }

    @Test
    void aParentSeesTheBoundMinorsPrescriptionsAndRefillReminderButNoOtherHousehold() {
        Person parent = person(FreshResidents.adultIn(WENSHUI, "邵国庆"));
        Person child = person(FreshResidents.claims(WENSHUI, "20150601", "邵小雨"));
        UUID household = UUID.randomUUID();
        database.sql("insert into household (id, region_code, created_at) values (:id, :region, :now)")
                .bind("id", household).bind("region", WENSHUI).bind("now", Instant.now()).then().block();
        database.sql("update resident set household_id = :h where id in (:a, :b)")
                .bind("h", household).bind("a", parent.id()).bind("b", child.id()).then().block();
        portal.post().uri("/api/v1/family").headers(h -> h.setBearerAuth(parent.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("certno", child.certno(), "name", child.name(), "relation", "CHILD"))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        qualification(child.id(), "DIABETES", today.minusMonths(2));
        UUID childs = prescription(child.id(), "CF-C-", "DIABETES", "阿卡波糖片", "50mg×30片", 1, 20, false,
                today.minusDays(15), "DISPENSED", today.minusDays(15)).id();

        JsonNode list = getJson(parent.token(), "/api/v1/prescriptions");
        assertThat(texts(list.get("people"), "maskedName")).containsExactly("邵**", "邵**");
        assertThat(list.get("prescriptions")).singleElement().satisfies(p -> {
            assertThat(p.get("id").asString()).isEqualTo(childs.toString());
            assertThat(p.get("personId").asString()).isEqualTo(child.id().toString());
            assertThat(p.get("supplyEndsOn").asString()).isEqualTo(today.plusDays(4).toString());
        });
        assertThat(list.get("qualifications")).singleElement()
                .satisfies(q -> assertThat(q.get("personId").asString()).isEqualTo(child.id().toString()));
        getJson(parent.token(), "/api/v1/prescriptions/" + childs);
        portal.get().uri("/api/v1/prescriptions/" + childs)
                .headers(h -> h.setBearerAuth(signIn.accessToken("wenshui-general"))).exchange()
                .expectStatus().isNotFound();

        BrowserSession browser = signIn.as(parent.login(), parent.claims());
        LocalDate end = today.plusDays(4);
        assertThat(page(browser, "/home")).contains("邵**的糖尿病用药（阿卡波糖片）将于" + end.getMonthValue() + "月"
                + end.getDayOfMonth() + "日用完，请及时续方");
        assertThat(page(browser, "/prescriptions")).contains("邵**（家庭成员）", "阿卡波糖片", "暂无两病认定和电子处方记录");
        assertThat(page(browser, "/prescriptions/" + childs)).contains("阿卡波糖片", "20 天");
    }

    @Test
    void aWorkerAssistingTheResidentSeesThePrescriptionsButNotThePickupCode() {
        Patient a = patient("蒯振华");
        String staff = signIn.staffAccessToken("staff-wenshui");
        String residentCode = getJson(a.person().token(), "/api/v1/codes/resident").get("token").asString();
        String session = JSON.readTree(portal.post().uri("/api/v1/assist/sessions").headers(h -> h.setBearerAuth(staff))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("residentCode", residentCode))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("sessionId").asString();

        JsonNode detail = JSON.readTree(portal.get().uri("/api/v1/prescriptions/" + a.issued())
                .headers(h -> {
                    h.setBearerAuth(staff);
                    h.set("X-Assist-Session", session);
                })
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());

        assertThat(detail.get("drugName").asString()).isEqualTo("二甲双胍片");
        assertThat(detail.has("pickupCode")).isFalse();
        assertThat(detail.get("pickupCodeNote").asString()).contains("代办时不显示取药码");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private Person person(String claims) {
        String login = "rx-" + UUID.randomUUID();
        String token = signIn.accessToken(login, claims);
        portal.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        String psn = "T" + JSON.readTree(claims).get("certno").asString();
        UUID id = database.sql("select id from resident where psn_no = :psn").bind("psn", psn)
                .map(row -> row.get("id", UUID.class)).one().block();
        return new Person(login, claims, token, id);
    }

    private void qualification(UUID resident, String disease, LocalDate on) {
        database.sql("""
                        insert into two_disease_qualification (qualification_no, resident_id, disease, qualified_on,
                                                               facility_name, facility_region, batch_id)
                        values (:no, :resident, :disease, :on, '文水县人民医院', '141121', :batch)""")
                .bind("no", "RD-" + UUID.randomUUID().toString().substring(0, 18)).bind("resident", resident)
                .bind("disease", disease).bind("on", on).bind("batch", batch)
                .then().block();
    }

    private record Inserted(UUID id, String number) {
    }

    private Inserted prescription(UUID resident, String prefix, String disease, String drug, String specification,
                                  int quantity, int days, boolean longTerm, LocalDate prescribedOn, String status,
                                  LocalDate dispensedOn) {
        UUID id = UUID.randomUUID();
        String number = prefix + UUID.randomUUID().toString().substring(0, 18);
        var spec = database.sql("""
                        insert into prescription (id, prescription_no, resident_id, disease, drug_name, specification,
                                                  dosage, quantity, quantity_unit, days_supply, long_term, facility_name,
                                                  facility_region, prescribed_on, status, dispensed_on, batch_id)
                        values (:id, :no, :resident, :disease, :drug, :spec, '口服，每日一次，每次一片', :quantity, '盒',
                                :days, :longTerm, '文水县人民医院', '141121', :prescribedOn, :status, :dispensedOn,
                                :batch)""")
                .bind("id", id).bind("no", number).bind("resident", resident).bind("disease", disease)
                .bind("drug", drug).bind("spec", specification).bind("quantity", quantity).bind("days", days)
                .bind("longTerm", longTerm).bind("prescribedOn", prescribedOn).bind("status", status)
                .bind("batch", batch);
        spec = dispensedOn == null ? spec.bindNull("dispensedOn", LocalDate.class) : spec.bind("dispensedOn", dispensedOn);
        spec.then().block();
        return new Inserted(id, number);
    }

    private void settlement(UUID resident, int year, String setting, String prescriptionNo, long fund, long critical,
                            long assistance, long self) {
        long total = fund + critical + assistance + self;
        var spec = database.sql("""
                        insert into settlement (settlement_no, resident_id, benefit_year, settled_on, setting,
                                                facility_name, facility_level, facility_region, remote, total_fen,
                                                in_scope_fen, fund_fen, critical_illness_fen, assistance_fen, self_fen,
                                                prescription_no, batch_id)
                        values (:no, :resident, :year, :on, :setting, '文水县人民医院', 'SECONDARY', '141121', 'NONE',
                                :total, :total, :fund, :critical, :assistance, :self, :rx, :batch)""")
                .bind("no", "JS-" + UUID.randomUUID().toString().substring(0, 30)).bind("resident", resident)
                .bind("year", year).bind("on", LocalDate.of(year, 6, 1)).bind("setting", setting)
                .bind("total", total).bind("fund", fund).bind("critical", critical).bind("assistance", assistance)
                .bind("self", self).bind("batch", batch);
        spec = prescriptionNo == null ? spec.bindNull("rx", String.class) : spec.bind("rx", prescriptionNo);
        spec.then().block();
    }

    private JsonNode getJson(String token, String path) {
        return JSON.readTree(portal.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private WebTestClient.ResponseSpec verify(String token, String bearer) {
        return portal.post().uri("/api/v1/codes/verify")
                .headers(h -> {
                    if (bearer != null) {
                        h.setBearerAuth(bearer);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("token", token)).exchange();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asString()));
        return values;
    }

    /** The page, with names marked as Chinese (lang spans) read as the text around them. */
    private static String page(BrowserSession browser, String path) {
        return browser.page(path).replaceAll("<span lang=\"zh-CN\">([^<]*)</span>", "$1");
    }

    private static String csrf(String page) {
        return BrowserSession.csrf(page);
    }

    private static String imageUrl(String page) {
        Matcher matcher = Pattern.compile("src=\"(/codes/image/[^\"]+\\.svg)\"").matcher(page);
        assertThat(matcher.find()).as("a pickup code image on the page").isTrue();
        return matcher.group(1);
    }
}
