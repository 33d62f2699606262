package cn.yibao.portal.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 我的待遇 over HTTP for fresh residents of 文水县, with upstream records written straight into the tables (the
 * import itself is tested in the upstream module): coverage from a record reported upstream or from a payment made
 * here, the year's spending, and nobody else's data. The sandbox business date is 2023-10-15.
 */
class BenefitsIT extends PortalIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WENSHUI = "141121";

    private record Person(String token, UUID id, String claims) {
    }

    private Person fresh(String name) {
        String claims = FreshResidents.adultIn(WENSHUI, name);
        String token = signIn.accessToken("benefit-" + UUID.randomUUID(), claims);
        JsonNode me = get(token, "/api/v1/contributions?year=2024");
        return new Person(token, UUID.fromString(me.get(0).get("personId").asString()), claims);
    }

    private JsonNode get(String token, String uri) {
        return JSON.readTree(portal.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private UUID batch() {
        UUID id = UUID.randomUUID();
        database.sql("""
                        insert into upstream_batch (id, kind, file_name, content_sha256, lines, inserted, updated, unchanged,
                                                    operator, imported_at)
                        values (:id, 'SETTLEMENTS', 'test.jsonl', '\\x00'::bytea, 1, 1, 0, 0, 'test', :now)""")
                .bind("id", id).bind("now", Instant.now()).fetch().rowsUpdated().block();
        return id;
    }

    private void settlement(UUID person, String date, String setting, long total, long fund, long critical, long self) {
        database.sql("""
                        insert into settlement (settlement_no, resident_id, benefit_year, settled_on, setting, facility_name,
                            facility_level, facility_region, remote, total_fen, in_scope_fen, fund_fen, critical_illness_fen,
                            assistance_fen, self_fen, batch_id)
                        values (:no, :person, :year, :date, :setting, '文水县人民医院', 'SECONDARY', '141121', 'NONE', :total,
                                :total, :fund, :critical, 0, :self, :batch)""")
                .bind("no", "T" + UUID.randomUUID().toString().substring(0, 18)).bind("person", person)
                .bind("year", LocalDate.parse(date).getYear()).bind("date", LocalDate.parse(date))
                .bind("setting", setting).bind("total", total).bind("fund", fund).bind("critical", critical)
                .bind("self", self).bind("batch", batch())
                .fetch().rowsUpdated().block();
    }

    private void contributionPaidElsewhere(UUID person, int year) {
        database.sql("""
                        insert into contribution_record (record_no, resident_id, benefit_year, paid_on, amount_fen, collector,
                                                         benefit_start, benefit_end, batch_id)
                        values (:no, :person, :year, :paid, 35000, '国家税务总局文水县税务局', :start, :end, :batch)""")
                .bind("no", "C" + UUID.randomUUID().toString().substring(0, 18)).bind("person", person)
                .bind("year", year).bind("paid", LocalDate.of(year - 1, 11, 20))
                .bind("start", LocalDate.of(year, 1, 1)).bind("end", LocalDate.of(year, 12, 31)).bind("batch", batch())
                .fetch().rowsUpdated().block();
    }

    @Test
    void aContributionReportedUpstreamCoversTheYearAndSettlementsAddUp() {
        Person person = fresh("柏青松");
        contributionPaidElsewhere(person.id(), 2023);
        settlement(person.id(), "2023-03-10", "OUTPATIENT", 12000, 6000, 0, 6000);
        settlement(person.id(), "2023-07-02", "INPATIENT", 800000, 500000, 100000, 200000);

        JsonNode benefits = get(person.token(), "/api/v1/benefits?year=2023");

        assertThat(benefits.get("coverage").get("status").asString()).isEqualTo("COVERED");
        assertThat(benefits.get("coverage").get("paidVia").asString()).isEqualTo("UPSTREAM");
        assertThat(benefits.get("coverage").get("benefitStart").asString()).isEqualTo("2023-01-01");
        assertThat(benefits.get("usage").get("outpatient").get("fundFen").asLong()).isEqualTo(6000);
        assertThat(benefits.get("usage").get("inpatient").get("criticalIllnessFen").asLong()).isEqualTo(100000);
        assertThat(benefits.get("usage").get("all").get("selfFen").asLong()).isEqualTo(206000);
        assertThat(benefits.get("usage").get("months").get(6).get("totalFen").asLong()).isEqualTo(800000);
        assertThat(benefits.get("settlements")).hasSize(2);
        assertThat(benefits.toString()).doesNotContain(JSON.readTree(person.claims()).get("certno").asString());
    }

    @Test
    void nothingPaidForTheComingYearOffersToPayAndAPaymentHereCoversItFromJanuary() throws Exception {
        Person person = fresh("郁春来");

        JsonNode unpaid = get(person.token(), "/api/v1/benefits?year=2024").get("coverage");
        assertThat(unpaid.get("status").asString()).isEqualTo("NOT_PAID");
        assertThat(unpaid.get("payUrl").asString()).isEqualTo("/payment/new?year=2024");

        JsonNode order = JSON.readTree(portal.post().uri("/api/v1/payments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + person.token())
                .header("Idempotency-Key", "key-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        assertThat(get(person.token(), "/api/v1/benefits?year=2024").get("coverage").get("status").asString())
                .isEqualTo("PAYMENT_PENDING");
        String orderNo = get(person.token(), "/api/v1/payments/" + order.get("paymentId").asString()).get("orderNo").asString();
        portal.post().uri("/sandbox-pay/api/orders/" + orderNo + "/pay").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"notification\":\"ONCE\"}").exchange().expectStatus().isOk();

        JsonNode covered = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            covered = get(person.token(), "/api/v1/benefits?year=2024").get("coverage");
            if ("NOT_STARTED".equals(covered.get("status").asString())) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(covered.get("status").asString()).as("paid on 2023-10-15 for 2024").isEqualTo("NOT_STARTED");
        assertThat(covered.get("paidVia").asString()).isEqualTo("PORTAL");
        assertThat(covered.get("benefitStart").asString()).isEqualTo("2024-01-01");
        assertThat(covered.get("paidFen").asLong()).isEqualTo(38000);
    }

    @Test
    void anotherResidentsBenefitsAreNotFoundAndAMalformedYearIsABadRequest() {
        Person owner = fresh("辛立秋");
        Person stranger = fresh("卜冬生");

        portal.get().uri("/api/v1/benefits?person=" + owner.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + stranger.token())
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        portal.get().uri("/api/v1/benefits?year=24").header(HttpHeaders.AUTHORIZATION, "Bearer " + stranger.token())
                .exchange().expectStatus().isBadRequest();
        portal.get().uri("/api/v1/benefits").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void thePageShowsCoverageTheChartAndEachSettlement() {
        String claims = FreshResidents.adultIn(WENSHUI, "滕秋实");
        BrowserSession browser = signIn.as("benefit-page-" + UUID.randomUUID(), claims);
        String home = page(browser, "/home");
        assertThat(home).contains("id=\"tile-benefit\"");
        UUID id = UUID.fromString(get(signIn.accessToken("benefit-page-api-" + UUID.randomUUID(), claims),
                "/api/v1/contributions?year=2024").get(0).get("personId").asString());
        contributionPaidElsewhere(id, 2023);
        settlement(id, "2023-05-06", "OUTPATIENT", 9000, 4500, 0, 4500);

        String page = page(browser, "/benefits?year=2023");

        assertThat(page).contains("id=\"coverage-state\"", "已参保缴费", "国家税务总局文水县税务局",
                        "<span class=\"num\">2023-01-01</span> 至 <span class=\"num\">2023-12-31</span>")
                .contains("<svg", "class=\"chart-fund\"", "文水县人民医院", "总费用 90 元");
        assertThat(page(browser, "/benefits?year=2024")).contains("未查询到该年度的参保缴费记录", "id=\"coverage-pay\"");
    }

    private String page(BrowserSession browser, String uri) {
        return browser.client().get().uri(uri).exchange().expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private JsonNode estimate(String token, String body, int status) {
        return JSON.readTree(portal.post().uri("/api/v1/benefits/estimate")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isEqualTo(status)
                .expectBody().returnResult().getResponseBody());
    }

    @Test
    void outpatientEstimateIsBoundedByWhatIsLeftOfWenshuisCapAfterThisYearsSettlements() {
        Person person = fresh("祁向东");
        contributionPaidElsewhere(person.id(), 2024);
        settlement(person.id(), "2023-02-10", "OUTPATIENT", 24000, 12000, 0, 12000);

        JsonNode year2023 = estimate(person.token(),
                "{\"year\":2023,\"expenseFen\":50000,\"setting\":\"OUTPATIENT\",\"facilityLevel\":\"PRIMARY\",\"remote\":\"NONE\"}", 200);
        assertThat(year2023.get("fundUsedThisYearFen").asLong()).isEqualTo(12000);

        JsonNode rules = get(person.token(), "/api/v1/benefits?year=2024").get("rules");
        assertThat(rules.toString()).contains("OUTPATIENT_ANNUAL_CAP", "文医保发〔2023〕10号", "UNPUBLISHED");
        JsonNode outpatient = get(person.token(), "/api/v1/benefits?year=2024").get("usage").get("outpatient");
        assertThat(outpatient.get("capFen").asLong()).isEqualTo(30000);
        assertThat(outpatient.get("capRemainingFen").asLong()).isEqualTo(30000);

        JsonNode estimate = estimate(person.token(),
                "{\"year\":2024,\"expenseFen\":50000,\"setting\":\"OUTPATIENT\",\"facilityLevel\":\"PRIMARY\",\"remote\":\"NONE\"}", 200);
        assertThat(estimate.get("fundPaysFen").asLong()).isEqualTo(30000);
        assertThat(estimate.get("selfPaysFen").asLong()).isEqualTo(20000);
        assertThat(estimate.get("bound").asString()).isEqualTo("AT_MOST");
        assertThat(estimate.get("fundPaysAtMostFen").asLong()).as("a true ceiling is its own ceiling").isEqualTo(30000);
        assertThat(estimate.get("steps").toString()).contains("REMAINING_CAP", "文医保发〔2023〕10号");
    }

    /** Issue #16, item 8: 70%左右 lowered by at most 20 points out of area (医保发〔2022〕22号) is a range, both ends in the API. */
    @Test
    void anUnfiledRemoteInpatientEstimateIsARangeWithBothEndsInTheApiAndOnThePage() {
        Person person = fresh("祁远行");

        JsonNode estimate = estimate(person.token(), "{\"year\":2024,\"expenseFen\":1000000,\"setting\":\"INPATIENT\","
                + "\"facilityLevel\":\"SECONDARY\",\"remote\":\"UNFILED_TEMPORARY\"}", 200);
        assertThat(estimate.get("bound").asString()).isEqualTo("APPROXIMATE");
        assertThat(estimate.get("fundPaysFromFen").asLong()).isEqualTo(500000);
        assertThat(estimate.get("fundPaysToFen").asLong()).isEqualTo(700000);
        assertThat(estimate.get("summary").asString()).isEqualTo("基金约支付 5000 至 7000 元");

        JsonNode local = estimate(person.token(), "{\"year\":2024,\"expenseFen\":1000000,\"setting\":\"INPATIENT\","
                + "\"facilityLevel\":\"SECONDARY\",\"remote\":\"NONE\"}", 200);
        assertThat(local.get("fundPaysFromFen").asLong()).isEqualTo(700000);
        assertThat(local.get("fundPaysToFen").asLong()).isEqualTo(700000);
        assertThat(local.get("summary").asString()).isEqualTo("基金约支付 7000 元");

        String page = page(signIn.as("benefit-remote-" + UUID.randomUUID(), person.claims()),
                "/benefits?year=2024&expense=10000&setting=INPATIENT&level=SECONDARY&remote=UNFILED_TEMPORARY");
        assertThat(page).contains("5000 至 7000 元");
    }

    @Test
    void badEstimateRequestsNameTheFieldAndSayWhyInChinese() {
        Person person = fresh("闻冬青");

        assertThat(estimate(person.token(), "{\"expenseFen\":0,\"setting\":\"OUTPATIENT\",\"facilityLevel\":\"PRIMARY\",\"remote\":\"NONE\"}", 400)
                .get("field").asString()).isEqualTo("expenseFen");
        assertThat(estimate(person.token(), "{\"expenseFen\":\"500\",\"setting\":\"OUTPATIENT\",\"facilityLevel\":\"PRIMARY\",\"remote\":\"NONE\"}", 400)
                .get("field").asString()).isEqualTo("expenseFen");
        JsonNode badSetting = estimate(person.token(), "{\"expenseFen\":500,\"setting\":\"DENTAL\",\"facilityLevel\":\"PRIMARY\",\"remote\":\"NONE\"}", 400);
        assertThat(badSetting.get("field").asString()).isEqualTo("setting");
        assertThat(badSetting.get("detail").asString()).contains("INPATIENT", "OUTPATIENT", "TWO_DISEASE");
        assertThat(estimate(person.token(), "{\"expenseFen\":500,\"setting\":\"INPATIENT\",\"facilityLevel\":\"TOP\",\"remote\":\"NONE\"}", 400)
                .get("field").asString()).isEqualTo("facilityLevel");
        assertThat(estimate(person.token(), "not json", 400).get("detail").asString()).contains("JSON");
        assertThat(estimate(person.token(), "{\"expenseFen\":500,\"setting\":\"INPATIENT\",\"facilityLevel\":\"PRIMARY\",\"remote\":\"NONE\",\"person\":\"" + UUID.randomUUID() + "\"}", 404)
                .get("field").asString()).isEqualTo("person");
    }

    @Test
    void thePageEstimatesFromAGetFormAndShowsRulesWithTheirDocuments() {
        String claims = FreshResidents.adultIn(WENSHUI, "戚晓峰");
        BrowserSession browser = signIn.as("benefit-estimate-" + UUID.randomUUID(), claims);

        String page = page(browser, "/benefits?year=2024&expense=500&setting=INPATIENT&level=SECONDARY&remote=NONE");
        assertThat(page).contains("id=\"estimate-at-most\"", "基金最多支付 500 元");
        assertThat(page).contains("id=\"estimate-result\"", "基金约支付", "个人约负担", "id=\"rule-OUTPATIENT_ANNUAL_CAP\"",
                "文医保发〔2023〕10号", "未公布", "id=\"cap-OUTPATIENT\"", "class=\"cap-bar\"")
                .doesNotContain("最多约", "至少约");

        String refused = page(browser, "/benefits?year=2024&expense=abc&setting=OUTPATIENT&level=PRIMARY&remote=NONE");
        // The message sits next to the amount, which is marked and described by it; what was typed stays.
        assertThat(refused).contains("id=\"expense-error\"", "请填写费用金额", "aria-invalid=\"true\"",
                        "aria-describedby=\"expense-error expense-hint\"", "value=\"abc\"")
                .doesNotContain("id=\"estimate-result\"");
        assertThat(page(browser, "/benefits?year=2024&expense=500&setting=DENTAL&level=PRIMARY&remote=NONE"))
                .contains("id=\"estimate-error\"");
    }

    @Test
    void anAmountTypedAs5000YuanWithUnitSeparatorOrFullWidthDigitsIsEstimatedLike5000() {
        BrowserSession browser = signIn.as("benefit-typed-" + UUID.randomUUID(), FreshResidents.adultIn(WENSHUI, "戚晓云"));
        String plain = estimateResult(page(browser, "/benefits?year=2024&expense=5000&setting=INPATIENT&level=SECONDARY&remote=NONE"));
        assertThat(plain).contains("5000");
        for (String typed : new String[] {"5000元", "5,000", "５０００", "￥5000"}) {
            // As the browser sends it: the client encodes the characters a query cannot hold.
            String page = page(browser, "/benefits?year=2024&expense=" + typed
                    + "&setting=INPATIENT&level=SECONDARY&remote=NONE");
            assertThat(estimateResult(page)).as(typed).isEqualTo(plain);
            assertThat(page).as(typed).doesNotContain("id=\"expense-error\"");
        }
    }

    private static String estimateResult(String page) {
        int start = page.indexOf("id=\"estimate-result\"");
        assertThat(start).as("an estimate is shown").isPositive();
        return page.substring(start, page.indexOf("</div>", start));
    }

    @Test
    void theHelpDeskReadsThisYearsCoverageAndNextYearsPaymentInTheCollectionSeasonWhenItVerifiesTheResidentsCode() {
        Person covered = fresh("尚玉兰");
        contributionPaidElsewhere(covered.id(), 2023);
        Person uncovered = fresh("尚玉竹");
        String staff = signIn.staffAccessToken("staff-wenshui");

        assertThat(statusOfCode(covered, staff)).isEqualTo("2023年度已参保缴费，待遇享受中（待遇期 2023-01-01 至 2023-12-31）；2024年度未查询到缴费记录");
        assertThat(statusOfCode(uncovered, staff)).isEqualTo("2023年度未查询到缴费记录；2024年度未查询到缴费记录");
    }

    private String statusOfCode(Person person, String staffToken) {
        String token = get(person.token(), "/api/v1/codes/resident").get("token").asString();
        return JSON.readTree(portal.post().uri("/api/v1/codes/verify")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staffToken).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\":\"" + token + "\"}").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody()).get("status").asString();
    }

    @Test
    void anEstimateForSomeoneWithoutARecordSaysTheFundPaysNothingForTheUninsuredAndTwoDiseasesNeedAQualification() {
        Person person = fresh("岑立冬");

        JsonNode uninsured = estimate(person.token(),
                "{\"year\":2023,\"expenseFen\":100000,\"setting\":\"TWO_DISEASE\",\"facilityLevel\":\"PRIMARY\",\"remote\":\"NONE\"}", 200);
        assertThat(uninsured.get("eligibility").get("insuredOnRecord").asBoolean()).isFalse();
        assertThat(uninsured.get("eligibility").get("twoDiseaseQualifiedOnRecord").asBoolean()).isFalse();
        assertThat(uninsured.get("eligibility").get("warnings").toString()).contains("基金不予支付", "两病", "认定");

        contributionPaidElsewhere(person.id(), 2023);
        JsonNode insured = estimate(person.token(),
                "{\"year\":2023,\"expenseFen\":100000,\"setting\":\"INPATIENT\",\"facilityLevel\":\"PRIMARY\",\"remote\":\"NONE\"}", 200);
        assertThat(insured.get("eligibility").get("insuredOnRecord").asBoolean()).isTrue();
        assertThat(insured.get("eligibility").get("warnings")).isEmpty();

        assertThat(estimate(person.token(),
                "{\"year\":1999,\"expenseFen\":100000,\"setting\":\"INPATIENT\",\"facilityLevel\":\"PRIMARY\",\"remote\":\"NONE\"}", 400)
                .get("field").asString()).isEqualTo("year");
        portal.get().uri("/api/v1/benefits?year=1999").header(HttpHeaders.AUTHORIZATION, "Bearer " + person.token())
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void withoutAContributionRecordTheFundsSettlementsShowThePersonIsInsured() {
        Person person = fresh("岑立春");
        settlement(person.id(), "2023-04-03", "OUTPATIENT", 10000, 5000, 0, 5000);

        JsonNode coverage = get(person.token(), "/api/v1/benefits?year=2023").get("coverage");

        assertThat(coverage.get("status").asString()).isEqualTo("COVERED_BY_SETTLEMENTS");
        assertThat(coverage.get("detail").asString()).contains("2023-04-03");
    }

    @Test
    void aCapAlreadyReachedIsSaidOnThePage() {
        String claims = FreshResidents.adultIn(WENSHUI, "岑立夏");
        BrowserSession browser = signIn.as("benefit-cap-" + UUID.randomUUID(), claims);
        UUID id = UUID.fromString(get(signIn.accessToken("benefit-cap-api-" + UUID.randomUUID(), claims),
                "/api/v1/contributions?year=2024").get(0).get("personId").asString());
        settlement(id, "2023-10-01", "OUTPATIENT", 80000, 35000, 0, 45000);

        // The 300 元 cap is Wenshui's from 2024 (文医保发〔2023〕10号); 2023 has none published, so the page says so.
        assertThat(page(browser, "/benefits?year=2023")).contains("基金已支付 350 元；年度限额未公布");
        settlement(id, "2024-01-05", "OUTPATIENT", 80000, 35000, 0, 45000);
        assertThat(page(browser, "/benefits?year=2024")).contains("基金已支付 350 元，已达到年度限额 300 元", "cap-reached");
    }
}
