package cn.yibao.portal.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upstream batch imports over HTTP as an operator runs them: all or nothing, the same file twice changes nothing,
 * prescriptions move forward only, the operator's region, who may import at all, one audit row per attempt, and the
 * page with its CSRF-protected upload.
 */
class UpstreamImportIT extends PortalIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");
    private static final String WENSHUI = "141121";

    /** A resident no other test uses, registered with the portal by their first API call. */
    record Someone(String certno, String name, String token) {
    }

    private Someone fresh(String name) {
        String claims = FreshResidents.adultIn(WENSHUI, name);
        String token = signIn.accessToken("upstream-" + UUID.randomUUID(), claims);
        portal.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        return new Someone(JSON.readTree(claims).get("certno").asString(), name, token);
    }

    private static String settlementLine(String number, Someone who, String certno) {
        return "{\"settlementNo\":\"" + number + "\",\"certno\":\"" + certno + "\",\"name\":\"" + who.name() + "\","
                + "\"settledOn\":\"2023-08-09\",\"setting\":\"OUTPATIENT\",\"facilityName\":\"文水县凤城镇卫生院\","
                + "\"facilityLevel\":\"PRIMARY\",\"facilityRegion\":\"141121\",\"remote\":\"NONE\",\"totalFen\":3150,"
                + "\"inScopeFen\":3150,\"fundFen\":1575,\"criticalIllnessFen\":0,\"assistanceFen\":0,\"selfFen\":1575}";
    }

    /** {@code count} settlement lines for two people; the line numbered {@code wrongCheckDigitAt} (if any) misspells an ID. */
    private static byte[] settlements(String prefix, int count, Someone a, Someone b, int wrongCheckDigitAt) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Someone who = i % 2 == 0 ? a : b;
            String certno = i == wrongCheckDigitAt ? wrongCheckDigit(who.certno()) : who.certno();
            lines.add(settlementLine(prefix + String.format("%05d", i), who, certno));
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String wrongCheckDigit(String certno) {
        char right = certno.charAt(17);
        return certno.substring(0, 17) + (right == '1' ? '2' : '1');
    }

    private WebTestClient.ResponseSpec post(String kind, String token, MediaType type, String fileName, byte[] body) {
        return portal.post().uri("/api/v1/admin/imports/" + kind)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    if (fileName != null) {
                        // Header values are Latin-1: clients send other names URL-encoded.
                        h.set("X-File-Name", fileName.startsWith("%") ? fileName
                                : org.springframework.web.util.UriUtils.encode(fileName, StandardCharsets.UTF_8));
                    }
                })
                .contentType(type).bodyValue(body).exchange();
    }

    private JsonNode imported(String kind, String token, MediaType type, String fileName, byte[] body, int status) {
        byte[] answer = post(kind, token, type, fileName, body).expectStatus().isEqualTo(status)
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(answer);
    }

    private String operator() {
        return signIn.staffAccessToken("staff-wenshui");
    }

    private long audits() {
        return count("select count(*) from audit_event where action = 'UPSTREAM_IMPORT'");
    }

    private List<String> settlementRowsAsText(String prefix) {
        return database.sql("select s::text as line from settlement s where settlement_no like :prefix order by settlement_no")
                .bind("prefix", prefix + "%")
                .map(row -> row.get("line", String.class))
                .all().collectList().block();
    }

    // ---- all or nothing, and idempotent --------------------------------------------------------------------------

    @Test
    void aThousandLinesWithOneWrongCheckDigitStoreNothingAndTheReportNamesExactlyThatLine() {
        Someone a = fresh("庞统");
        Someone b = fresh("马谡");
        String prefix = "JSBAD" + System.nanoTime() % 100000;
        long settlements = count("select count(*) from settlement");
        long batches = count("select count(*) from upstream_batch");
        long audits = audits();

        JsonNode problem = imported("settlements", operator(), JSON_LINES, "结算-错一行.jsonl",
                settlements(prefix, 1000, a, b, 637), 422);

        assertThat(problem.get("detail").asString()).contains("第 637 行", "校验位", "整批未导入");
        assertThat(problem.get("lines").asInt()).isEqualTo(1000);
        assertThat(problem.get("stored").asBoolean()).isFalse();
        assertThat(problem.get("problemCount").asInt()).isEqualTo(1);
        assertThat(problem.get("problems")).hasSize(1);
        assertThat(problem.get("problems").get(0).get("line").asInt()).isEqualTo(637);
        assertThat(problem.get("problems").get(0).get("field").asString()).isEqualTo("certno");
        assertThat(problem.get("problems").get(0).get("reason").asString()).isEqualTo("身份证号码校验位不正确。");
        assertThat(problem.toString()).doesNotContain(a.certno(), b.certno());
        assertThat(count("select count(*) from settlement")).isEqualTo(settlements);
        assertThat(count("select count(*) from upstream_batch")).isEqualTo(batches);
        assertThat(audits()).isEqualTo(audits + 1);
    }

    @Test
    void theSameGoodThousandLineFileTwiceLeavesTheSameRowsAndTheSecondAnswerSaysNothingChanged() {
        Someone a = fresh("荀彧");
        Someone b = fresh("郭嘉");
        String prefix = "JSTWICE" + System.nanoTime() % 100000;
        byte[] file = settlements(prefix, 1000, a, b, 0);
        long batches = count("select count(*) from upstream_batch");
        long audits = audits();

        JsonNode first = imported("settlements", operator(), JSON_LINES, "结算.jsonl", file, 200);
        List<String> rows = settlementRowsAsText(prefix);
        JsonNode second = imported("settlements", operator(), JSON_LINES, "结算.jsonl", file, 200);

        assertThat(first.get("stored").asBoolean()).isTrue();
        assertThat(first.path("batchId").isString()).isTrue();
        assertThat(first.get("kind").asString()).isEqualTo("SETTLEMENTS");
        assertThat(first.get("fileName").asString()).isEqualTo("结算.jsonl");
        assertThat(List.of(first.get("lines").asInt(), first.get("inserted").asInt(), first.get("updated").asInt(),
                first.get("unchanged").asInt())).containsExactly(1000, 1000, 0, 0);
        assertThat(first.get("problems")).isEmpty();
        assertThat(rows).hasSize(1000);
        assertThat(second.get("stored").asBoolean()).isFalse();
        assertThat(second.path("batchId").isString()).as("no batch").isFalse();
        assertThat(List.of(second.get("lines").asInt(), second.get("inserted").asInt(), second.get("updated").asInt(),
                second.get("unchanged").asInt())).containsExactly(1000, 0, 0, 1000);
        assertThat(second.get("message").asString()).contains("没有任何变化", "未建立导入批次");
        assertThat(settlementRowsAsText(prefix)).as("the same rows, batch included").isEqualTo(rows);
        assertThat(count("select count(*) from upstream_batch")).isEqualTo(batches + 1);
        assertThat(audits()).isEqualTo(audits + 2);
        String batchId = first.get("batchId").asString();
        assertThat(count("select count(*) from upstream_batch where id = '" + batchId + "' and kind = 'SETTLEMENTS'"
                + " and lines = 1000 and inserted = 1000 and updated = 0 and unchanged = 0 and operator = 'S141121001'"))
                .isEqualTo(1);
        assertThat(database.sql("select detail from audit_event where action = 'UPSTREAM_IMPORT' and object_id = :id")
                .bind("id", batchId).map(row -> row.get("detail", String.class)).one().block())
                .contains("结算记录", "1000").doesNotContain(a.certno(), b.certno());
    }

    @Test
    void aConcurrentDoubleImportOfTheSameFileLeavesOneSetOfRows() {
        Someone a = fresh("许攸");
        Someone b = fresh("审配");
        String prefix = "JSRACE" + System.nanoTime() % 100000;
        byte[] file = settlements(prefix, 400, a, b, 0);
        String token = operator();
        long batches = count("select count(*) from upstream_batch");

        CompletableFuture<JsonNode> one = CompletableFuture.supplyAsync(() ->
                imported("settlements", token, JSON_LINES, "并发.jsonl", file, 200));
        CompletableFuture<JsonNode> two = CompletableFuture.supplyAsync(() ->
                imported("settlements", token, JSON_LINES, "并发.jsonl", file, 200));
        List<JsonNode> answers = List.of(one.join(), two.join());

        assertThat(answers).extracting(answer -> answer.get("inserted").asInt()).containsExactlyInAnyOrder(400, 0);
        assertThat(answers).extracting(answer -> answer.get("unchanged").asInt()).containsExactlyInAnyOrder(0, 400);
        assertThat(settlementRowsAsText(prefix)).hasSize(400);
        assertThat(count("select count(*) from upstream_batch")).isEqualTo(batches + 1);
    }

    // ---- prescriptions, assistance, scope ------------------------------------------------------------------------

    private static byte[] prescription(String number, Someone who, String status, String dispensedOn) {
        return ("{\"prescriptionNo\":\"" + number + "\",\"certno\":\"" + who.certno() + "\",\"name\":\"" + who.name()
                + "\",\"disease\":\"DIABETES\",\"drugName\":\"盐酸二甲双胍片\",\"specification\":\"0.5g×48片\","
                + "\"dosage\":\"口服，一次1片，一日2次\",\"quantity\":1,\"quantityUnit\":\"盒\",\"daysSupply\":24,"
                + "\"longTerm\":false,\"facilityName\":\"文水县凤城镇卫生院\",\"facilityRegion\":\"141121\","
                + "\"prescribedOn\":\"2023-10-10\",\"status\":\"" + status + "\""
                + (dispensedOn == null ? "" : ",\"dispensedOn\":\"" + dispensedOn + "\"") + "}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private String prescriptionState(String number) {
        return database.sql("select status || ' ' || coalesce(dispensed_on::text, '-') || ' '"
                        + " || (updated_batch_id is not null) as state from prescription where prescription_no = :no")
                .bind("no", number).map(row -> row.get("state", String.class)).one().block();
    }

    @Test
    void aPrescriptionMovesForwardWhenImportedAgainButNeverBack() {
        Someone patient = fresh("黄承彦");
        String number = "CFIT" + System.nanoTime() % 1_000_000;
        String token = operator();

        imported("prescriptions", token, JSON_LINES, "处方1.jsonl", prescription(number, patient, "ISSUED", null), 200);
        JsonNode dispensed = imported("prescriptions", token, JSON_LINES, "处方2.jsonl",
                prescription(number, patient, "DISPENSED", "2023-10-12"), 200);
        assertThat(prescriptionState(number)).isEqualTo("DISPENSED 2023-10-12 true");
        JsonNode back = imported("prescriptions", token, JSON_LINES, "处方3.jsonl",
                prescription(number, patient, "ISSUED", null), 422);

        assertThat(dispensed.get("updated").asInt()).isEqualTo(1);
        assertThat(dispensed.get("inserted").asInt()).isZero();
        assertThat(back.get("problems").get(0).get("field").asString()).isEqualTo("status");
        assertThat(back.get("problems").get(0).get("reason").asString()).contains("不能从已取药（DISPENSED）改回已开具");
        assertThat(prescriptionState(number)).isEqualTo("DISPENSED 2023-10-12 true");
    }

    private long dueFen(Someone someone) {
        byte[] body = portal.get().uri("/api/v1/contributions?year=2024").headers(h -> h.setBearerAuth(someone.token()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body).get(0).get("dueFen").asLong();
    }

    @Test
    void anAssistanceListingChangesWhatThePersonIsAskedToPay() {
        Someone listed = fresh("姜维");
        long before = dueFen(listed);
        byte[] csv = ("\uFEFFcertno,name,status,listedOn,department\r\n" + listed.certno() + "," + listed.name()
                + ",MINIMUM_LIVING,2023-10-08,文水县民政局\r\n").getBytes(StandardCharsets.UTF_8);

        JsonNode report = imported("assistance", operator(), MediaType.parseMediaType("text/csv"), "低保名单.csv", csv, 200);

        assertThat(report.get("inserted").asInt()).isEqualTo(1);
        assertThat(before).isEqualTo(38000);
        assertThat(dueFen(listed)).isEqualTo(7600);
    }

    @Test
    void anOperatorOfAnotherRegionIsRefusedForEveryLineAboutPeopleInsuredElsewhere() {
        Someone a = fresh("法正");
        Someone b = fresh("孟达");
        long settlements = count("select count(*) from settlement");

        JsonNode problem = imported("settlements", signIn.staffAccessToken("staff-weihai"), JSON_LINES, "异地.jsonl",
                settlements("JSWEIHAI" + System.nanoTime() % 100000, 2, a, b, 0), 422);

        assertThat(problem.get("problems")).hasSize(2);
        assertThat(java.util.stream.StreamSupport.stream(problem.get("problems").spliterator(), false)
                .map(p -> p.get("line").asInt() + " " + p.get("field").asString() + " " + p.get("reason").asString())
                .toList()).containsExactly(
                "1 certno 该参保人不在您的辖区（威海市）参保，不能导入。",
                "2 certno 该参保人不在您的辖区（威海市）参保，不能导入。");
        assertThat(count("select count(*) from settlement")).isEqualTo(settlements);
    }

    // ---- corrections: reversal, withdrawal, revocation ------------------------------------------------------------

    private JsonNode benefits(Someone someone, int year) {
        return JSON.readTree(portal.get().uri("/api/v1/benefits?year=" + year)
                .headers(h -> h.setBearerAuth(someone.token())).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    private static byte[] jsonLines(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A settlement line of {@link #settlementLine} taking back another one: its own number, the same figures. */
    private static String reversalLine(String number, Someone who, String original, String settledOn) {
        return settlementLine(number, who, who.certno()).replace("\"settledOn\":\"2023-08-09\"",
                "\"settledOn\":\"" + settledOn + "\"").replace("}", ",\"reversesSettlementNo\":\"" + original + "\"}");
    }

    @Test
    void aReversedSettlementNoLongerCountsForTheResidentAndTheSameReversalTwiceChangesNothing() {
        Someone patient = fresh("糜竺");
        String prefix = "JSREV" + System.nanoTime() % 100000;
        String token = operator();
        imported("settlements", token, JSON_LINES, "结算.jsonl", jsonLines(settlementLine(prefix + "1", patient,
                patient.certno()), settlementLine(prefix + "2", patient, patient.certno())), 200);
        JsonNode before = benefits(patient, 2023);

        byte[] reversal = jsonLines(reversalLine(prefix + "R", patient, prefix + "1", "2023-08-20"));
        JsonNode first = imported("settlements", token, JSON_LINES, "冲正.jsonl", reversal, 200);
        JsonNode after = benefits(patient, 2023);
        JsonNode again = imported("settlements", token, JSON_LINES, "冲正.jsonl", reversal, 200);

        assertThat(before.get("usage").get("outpatient").get("fundFen").asLong()).isEqualTo(3150);
        assertThat(before.get("settlements")).hasSize(2);
        assertThat(first.get("inserted").asInt()).isEqualTo(1);
        assertThat(after.get("usage").get("outpatient").get("fundFen").asLong()).isEqualTo(1575);
        assertThat(after.get("settlements")).hasSize(1);
        assertThat(after.get("settlements").toString()).contains(prefix + "2").doesNotContain(prefix + "1", prefix + "R");
        assertThat(again.get("stored").asBoolean()).isFalse();
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(count("select count(*) from upstream_settlement where settlement_no like '" + prefix + "%'"))
                .as("everything upstream sent is kept").isEqualTo(3);
        assertThat(count("select count(*) from settlement where settlement_no like '" + prefix + "%'")).isEqualTo(1);
        assertThat(count("select count(*) from upstream_settlement where settlement_no = '" + prefix + "R'"
                + " and reverses_settlement_no = '" + prefix + "1'")).isEqualTo(1);
    }

    @Test
    void aReversalNamingAnUnknownSettlementOrAnotherPersonsIsRefusedAndChangesNothing() {
        Someone owner = fresh("简雍");
        Someone other = fresh("孙乾");
        String prefix = "JSREVX" + System.nanoTime() % 100000;
        String token = operator();
        imported("settlements", token, JSON_LINES, "结算.jsonl", jsonLines(settlementLine(prefix + "1", owner,
                owner.certno()), settlementLine(prefix + "2", owner, owner.certno())), 200);
        long rows = count("select count(*) from upstream_settlement");

        JsonNode refused = imported("settlements", token, JSON_LINES, "冲正.jsonl", jsonLines(
                reversalLine(prefix + "R1", other, prefix + "1", "2023-08-20"),
                reversalLine(prefix + "R2", owner, prefix + "9", "2023-08-20"),
                reversalLine(prefix + "R3", owner, prefix + "2", "2023-08-01")), 422);

        assertThat(java.util.stream.StreamSupport.stream(refused.get("problems").spliterator(), false)
                .map(p -> p.get("line").asInt() + " " + p.get("field").asString() + " " + p.get("reason").asString())
                .toList()).containsExactly(
                "1 reversesSettlementNo 原结算 " + prefix + "1 不是该参保人的结算，不能冲正。",
                "2 reversesSettlementNo 要冲正的原结算 " + prefix + "9 尚未导入，不能冲正；请先导入原结算记录，或核对结算单号。",
                "3 settledOn 冲正日期（2023-08-01）不能早于原结算日期（2023-08-09）。");
        assertThat(count("select count(*) from upstream_settlement")).isEqualTo(rows);
        assertThat(benefits(owner, 2023).get("settlements")).hasSize(2);
    }

    private static String contributionLine(String number, Someone who, long fen, String withdrawnOn) {
        return contributionLine(number, who, 2023, "2022-12-01", fen, withdrawnOn);
    }

    private static String contributionLine(String number, Someone who, int year, String paidOn, long fen,
                                           String withdrawnOn) {
        return "{\"recordNo\":\"" + number + "\",\"certno\":\"" + who.certno() + "\",\"name\":\"" + who.name()
                + "\",\"benefitYear\":" + year + ",\"paidOn\":\"" + paidOn + "\",\"amountFen\":" + fen
                + ",\"collector\":\"国家税务总局文水县税务局\",\"benefitStart\":\"" + year + "-01-01\",\"benefitEnd\":\""
                + year + "-12-31\"" + (withdrawnOn == null ? "" : ",\"withdrawnOn\":\"" + withdrawnOn + "\"") + "}";
    }

    @Test
    void aWithdrawnContributionNoLongerCoversTheYearAndANewRecordMayTakeItsPlace() {
        Someone payer = fresh("伊籍");
        String number = "SWW" + System.nanoTime() % 1_000_000;
        String token = operator();
        imported("contributions", token, JSON_LINES, "缴费.jsonl", jsonLines(contributionLine(number, payer, 35000, null)),
                200);
        JsonNode covered = benefits(payer, 2023).get("coverage");

        byte[] withdrawal = jsonLines(contributionLine(number, payer, 35000, "2023-03-01"));
        JsonNode withdrawn = imported("contributions", token, JSON_LINES, "退费.jsonl", withdrawal, 200);
        JsonNode uncovered = benefits(payer, 2023).get("coverage");
        JsonNode again = imported("contributions", token, JSON_LINES, "退费.jsonl", withdrawal, 200);
        JsonNode restored = imported("contributions", token, JSON_LINES, "缴费.jsonl",
                jsonLines(contributionLine(number, payer, 35000, null)), 422);
        JsonNode replaced = imported("contributions", token, JSON_LINES, "补录.jsonl",
                jsonLines(contributionLine(number + "B", payer, 35000, null)), 200);

        assertThat(covered.get("status").asString()).isEqualTo("COVERED");
        assertThat(covered.get("paidVia").asString()).isEqualTo("UPSTREAM");
        assertThat(withdrawn.get("updated").asInt()).isEqualTo(1);
        assertThat(uncovered.get("status").asString()).isNotEqualTo("COVERED");
        assertThat(again.get("stored").asBoolean()).isFalse();
        assertThat(restored.get("problems").get(0).get("reason").asString())
                .isEqualTo("缴费记录 " + number + " 已于 2023-03-01 作废（退费），不能恢复；如重新缴费，请使用新的记录编号。");
        assertThat(replaced.get("inserted").asInt()).isEqualTo(1);
        assertThat(benefits(payer, 2023).get("coverage").get("status").asString()).isEqualTo("COVERED");
        assertThat(count("select count(*) from upstream_contribution_record where record_no = '" + number + "'"
                + " and withdrawn_on = date '2023-03-01' and withdrawn_batch_id = '" + withdrawn.get("batchId").asString()
                + "'")).isEqualTo(1);
    }

    @Test
    void aWithdrawalOfAnUnknownRecordOrAnotherPersonsIsRefused() {
        Someone payer = fresh("马良");
        Someone other = fresh("马忠");
        String number = "SWX" + System.nanoTime() % 1_000_000;
        String token = operator();
        imported("contributions", token, JSON_LINES, "缴费.jsonl", jsonLines(contributionLine(number, payer, 35000, null)),
                200);

        JsonNode refused = imported("contributions", token, JSON_LINES, "退费.jsonl", jsonLines(
                contributionLine(number, other, 35000, "2023-03-01"),
                contributionLine(number + "N", payer, 35000, "2023-03-01")), 422);

        assertThat(refused.get("problems")).extracting(p -> p.get("reason").asString()).containsExactly(
                "缴费记录 " + number + " 不是该参保人的记录，不能作废（退费）。",
                "要作废（退费）的缴费记录 " + number + "N 尚未导入，不能作废（退费）；请核对编号。");
        assertThat(benefits(payer, 2023).get("coverage").get("status").asString()).isEqualTo("COVERED");
    }

    private static String qualificationLine(String number, Someone who, String revokedOn) {
        return "{\"qualificationNo\":\"" + number + "\",\"certno\":\"" + who.certno() + "\",\"name\":\"" + who.name()
                + "\",\"disease\":\"DIABETES\",\"qualifiedOn\":\"2023-09-04\",\"facilityName\":\"文水县人民医院\","
                + "\"facilityRegion\":\"141121\"" + (revokedOn == null ? "" : ",\"revokedOn\":\"" + revokedOn + "\"") + "}";
    }

    @Test
    void aRevokedQualificationIsNoLongerShownToTheResident() {
        Someone patient = fresh("廖化");
        String number = "LBR" + System.nanoTime() % 1_000_000;
        String token = operator();
        imported("qualifications", token, JSON_LINES, "认定.jsonl", jsonLines(qualificationLine(number, patient, null)),
                200);
        JsonNode before = JSON.readTree(portal.get().uri("/api/v1/prescriptions")
                .headers(h -> h.setBearerAuth(patient.token())).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());

        byte[] revocation = jsonLines(qualificationLine(number, patient, "2023-10-01"));
        JsonNode revoked = imported("qualifications", token, JSON_LINES, "撤销.jsonl", revocation, 200);
        JsonNode after = JSON.readTree(portal.get().uri("/api/v1/prescriptions")
                .headers(h -> h.setBearerAuth(patient.token())).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        JsonNode again = imported("qualifications", token, JSON_LINES, "撤销.jsonl", revocation, 200);

        assertThat(before.get("qualifications")).hasSize(1);
        assertThat(revoked.get("updated").asInt()).isEqualTo(1);
        assertThat(after.get("qualifications")).isEmpty();
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(count("select count(*) from upstream_two_disease_qualification where qualification_no = '" + number
                + "' and revoked_on = date '2023-10-01'")).isEqualTo(1);
    }

    // ---- checks against policy and place -------------------------------------------------------------------------

    @Test
    void oldSettlementsMisflaggedRemoteCareAndContributionsOutsideThePublishedFiguresAreRefusedLineByLine() {
        Someone someone = fresh("向朗");
        String settlements = String.join("\n",
                settlementLine("JSOLD" + System.nanoTime() % 100000, someone, someone.certno())
                        .replace("2023-08-09", "2022-12-30"),
                settlementLine("JSFAR" + System.nanoTime() % 100000, someone, someone.certno())
                        .replace("\"facilityRegion\":\"141121\"", "\"facilityRegion\":\"140106\""),
                settlementLine("JSNEAR" + System.nanoTime() % 100000, someone, someone.certno())
                        .replace("\"remote\":\"NONE\"", "\"remote\":\"FILED\"")) + "\n";
        String contributions = String.join("\n",
                contributionLine("SWHIGH" + System.nanoTime() % 100000, someone, 2024, "2023-10-01", 38001, null),
                contributionLine("SWLATE" + System.nanoTime() % 100000, someone, 2025, "2023-10-01", 0, null)) + "\n";

        JsonNode refusedSettlements = imported("settlements", operator(), JSON_LINES, "结算.jsonl",
                settlements.getBytes(StandardCharsets.UTF_8), 422);
        JsonNode refusedContributions = imported("contributions", operator(), JSON_LINES, "缴费.jsonl",
                contributions.getBytes(StandardCharsets.UTF_8), 422);

        assertThat(refusedSettlements.get("problems")).extracting(p -> p.get("line").asInt() + " "
                + p.get("field").asString()).containsExactly("1 settledOn", "2 remote", "3 remote");
        assertThat(refusedSettlements.get("problems").get(0).get("reason").asString())
                .contains("早于政策目录收录的最早待遇年度（2023 年度）");
        assertThat(refusedSettlements.get("problems").get(1).get("reason").asString())
                .contains("不在参保人的统筹地区（吕梁市）内", "不能为 NONE");
        assertThat(refusedSettlements.get("problems").get(2).get("reason").asString())
                .contains("在参保人的统筹地区（吕梁市）内", "应为 NONE");
        assertThat(refusedContributions.get("problems")).extracting(p -> p.get("line").asInt() + " "
                + p.get("field").asString() + " " + p.get("reason").asString()).containsExactly(
                "1 amountFen 个人缴费金额（38001 分）超过文水县 2024 年度公布的最高个人缴费标准（38000 分，文医保发〔2023〕10号）。",
                "2 benefitYear 待遇年度 2025 晚于下一年度（2024 年度），不能导入。");
    }

    // ---- who sees which batches ----------------------------------------------------------------------------------

    @Test
    void anOperatorListsOnlyTheBatchesOfTheirOwnRegion() {
        Someone wenshui = fresh("蒋琬");
        String weihaiClaims = FreshResidents.adultIn("371000", "董允");
        String weihaiToken = signIn.accessToken("upstream-" + UUID.randomUUID(), weihaiClaims);
        portal.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(weihaiToken)).exchange().expectStatus().isOk();
        Someone weihai = new Someone(JSON.readTree(weihaiClaims).get("certno").asString(), "董允", weihaiToken);
        String wenshuiFile = "文水名单-" + UUID.randomUUID() + ".csv";
        String weihaiFile = "威海名单-" + UUID.randomUUID() + ".csv";
        imported("assistance", operator(), MediaType.parseMediaType("text/csv"), wenshuiFile,
                ("certno,name,status,listedOn,department\n" + wenshui.certno() + "," + wenshui.name()
                        + ",MONITORED,2023-10-02,文水县乡村振兴局\n").getBytes(StandardCharsets.UTF_8), 200);
        String weihaiOperator = signIn.staffAccessToken("staff-weihai");
        imported("assistance", weihaiOperator, MediaType.parseMediaType("text/csv"), weihaiFile,
                ("certno,name,status,listedOn,department\n" + weihai.certno() + "," + weihai.name()
                        + ",MINIMUM_LIVING,2023-10-02,威海市民政局\n").getBytes(StandardCharsets.UTF_8), 200);

        String seenByWeihai = portal.get().uri("/api/v1/admin/imports?limit=200")
                .headers(h -> h.setBearerAuth(weihaiOperator)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String seenByWenshui = portal.get().uri("/api/v1/admin/imports?limit=200")
                .headers(h -> h.setBearerAuth(operator())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String weihaiPage = signIn.asStaff("staff-weihai").page("/staff/imports");

        assertThat(seenByWeihai).contains(weihaiFile).doesNotContain(wenshuiFile, "S141121001", "sandbox-feed",
                "\"141121\"");
        assertThat(weihaiPage).doesNotContain(wenshuiFile, "S141121001", "sandbox-feed");
        assertThat(seenByWenshui).contains(wenshuiFile, "sandbox-feed").doesNotContain(weihaiFile, "S371000001");
        assertThat(count("select count(*) from upstream_batch where operator = 'sandbox-feed'"
                + " and region_code is distinct from '141121'")).as("the feed's people all live in 文水县").isZero();
    }

    // ---- who may import, and files that are not batches -----------------------------------------------------------

    /** A help-desk worker of 文水县 without the DATA_OPERATOR role (not one of the demo staff). */
    private static final String HELP_DESK_ONLY = "{\"name\":\"吴懿\",\"staff_id\":\"S141121009\",\"admdvs\":\"141121\","
            + "\"roles\":[\"HELP_DESK\"],\"service_point\":\"文水县医疗保障服务中心\"}";

    /** A staff token for made-up claims, through the authorization-code flow against the sandbox staff issuer. */
    private String staffToken(String login, String claimsJson) {
        String redirect = "http://localhost/app-callback";
        URI authorize = URI.create(issuerBaseUrl + "/staff/authorize?client_id=resident-app&response_type=code"
                + "&scope=openid&state=s&nonce=n&redirect_uri=" + redirect);
        URI back = signIn.submitIssuerLogin(authorize, login, claimsJson);
        String code = UriComponentsBuilder.fromUri(back).build().getQueryParams().getFirst("code");
        byte[] token = WebTestClient.bindToServer().baseUrl(issuerBaseUrl).responseTimeout(Duration.ofSeconds(20)).build()
                .post().uri("/staff/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "authorization_code").with("code", code)
                        .with("redirect_uri", redirect).with("client_id", "resident-app"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(token).get("access_token").asString();
    }

    @Test
    void onlyStaffWithTheDataOperatorRoleMayImportOrListBatches() {
        byte[] body = "{}\n".getBytes(StandardCharsets.UTF_8);
        Someone resident = fresh("诸葛瞻");
        String helpDeskOnly = staffToken("staff-helpdesk-" + UUID.randomUUID(), HELP_DESK_ONLY);

        post("settlements", null, JSON_LINES, null, body).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("settlements", resident.token(), JSON_LINES, null, body).expectStatus().isForbidden();
        post("settlements", helpDeskOnly, JSON_LINES, null, body).expectStatus().isForbidden();
        portal.get().uri("/api/v1/admin/imports").headers(h -> h.setBearerAuth(helpDeskOnly)).exchange()
                .expectStatus().isForbidden();
        portal.get().uri("/api/v1/admin/imports").exchange().expectStatus().isUnauthorized();
        portal.get().uri("/api/v1/admin/imports?limit=5").headers(h -> h.setBearerAuth(operator())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").value(length -> assertThat((Integer) length).isBetween(1, 5))
                .jsonPath("$[0].kind").exists().jsonPath("$[0].importedAt").exists();
    }

    @Test
    void anUnknownKindIsNotFoundAndFilesThatAreNotBatchesAreRefusedWithoutStoringAnythingButAreAudited() {
        String token = operator();
        long audits = audits();
        byte[] gbk = "certno,name,status,listedOn,department\n141121196004152121,刘桂芳,NONE,2023-09-10,民政局\n"
                .getBytes(Charset.forName("GBK"));

        post("invoices", token, JSON_LINES, null, "{}".getBytes(StandardCharsets.UTF_8)).expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("settlements"));
        JsonNode notUtf8 = imported("assistance", token, MediaType.parseMediaType("text/csv"), "名单.csv", gbk, 400);
        JsonNode spreadsheet = imported("assistance", token, MediaType.parseMediaType("application/vnd.ms-excel"),
                "名单.xls", new byte[] {1, 2, 3}, 415);
        JsonNode tooLarge = imported("assistance", token, JSON_LINES, "大.jsonl", new byte[10 * 1024 * 1024 + 1], 413);

        assertThat(notUtf8.get("detail").asString()).contains("UTF-8", "GBK");
        assertThat(spreadsheet.get("detail").asString()).contains("JSON Lines", "CSV");
        assertThat(tooLarge.get("detail").asString()).contains("10 MB");
        assertThat(audits()).isEqualTo(audits + 3);
    }

    @Test
    void aRefusalListsTheFirstTwoHundredProblemsAndCountsTheRest() {
        String lines = "{\"certno\":\"141121196004152122\",\"name\":\"某\",\"status\":\"NONE\","
                + "\"listedOn\":\"2023-09-10\",\"department\":\"文水县民政局\"}\n";

        JsonNode problem = imported("assistance", operator(), JSON_LINES, "名单.jsonl",
                lines.repeat(250).getBytes(StandardCharsets.UTF_8), 422);

        assertThat(problem.get("problems")).hasSize(200);
        assertThat(problem.get("problemCount").asInt()).isEqualTo(250);
        assertThat(problem.get("omittedProblems").asInt()).isEqualTo(50);
        assertThat(problem.get("detail").asString()).contains("250 处问题", "第 1 行");
    }

    @Test
    void aFileOverTheLineLimitIsTooLarge() {
        JsonNode problem = imported("assistance", operator(), JSON_LINES, "太多.jsonl",
                "{}\n".repeat(50_001).getBytes(StandardCharsets.UTF_8), 413);

        assertThat(problem.get("detail").asString()).contains("50000 行", "拆分");
    }

    @Test
    void aNonAsciiFileNameArrivesUrlEncodedAndIsKept() {
        Someone listed = fresh("费祎");
        byte[] line = ("{\"certno\":\"" + listed.certno() + "\",\"name\":\"" + listed.name()
                + "\",\"status\":\"MONITORED\",\"listedOn\":\"2023-10-01\",\"department\":\"文水县乡村振兴局\"}\n")
                .getBytes(StandardCharsets.UTF_8);

        JsonNode report = imported("assistance", operator(), MediaType.APPLICATION_OCTET_STREAM,
                "%E7%9B%91%E6%B5%8B%E5%AF%B9%E8%B1%A1.jsonl", line, 200);

        assertThat(report.get("fileName").asString()).isEqualTo("监测对象.jsonl");
    }

    // ---- the page ------------------------------------------------------------------------------------------------

    private static String page(BrowserSession browser, String path) {
        return browser.page(path);
    }

    private static String csrf(String page) {
        return BrowserSession.csrf(page);
    }

    @Test
    void thePageUploadsWithItsCsrfTokenAndShowsEachProblemWithItsLineNumber() {
        Someone a = fresh("王平");
        BrowserSession desk = signIn.asStaff("staff-wenshui");
        assertThat(page(desk, "/staff")).contains("href=\"/staff/imports\"");
        String form = page(desk, "/staff/imports");
        String header = String.join(",", List.of("recordNo", "certno", "name", "benefitYear", "paidOn", "amountFen",
                "collector", "benefitStart", "benefitEnd"));
        String csv = header + "\n"
                + "SWPAGE1," + a.certno() + "," + a.name() + ",2024,2023-10-01,38000,\"国家税务总局文水县税务局\",2024-01-01,2024-12-31\n"
                + "SWPAGE2," + a.certno() + "," + a.name() + ",2024,2023-10-01,380.00,银行,2024-01-01,2024-12-31\n"
                + "SWPAGE3," + a.certno() + "," + a.name() + ",2024,2023-10-02,38000,银行,2024-01-01,2024-12-31\n";
        long contributions = count("select count(*) from contribution_record");

        MultipartBodyBuilder withoutToken = new MultipartBodyBuilder();
        withoutToken.part("kind", "contributions");
        withoutToken.part("file", csv.getBytes(StandardCharsets.UTF_8)).filename("缴费.csv")
                .contentType(MediaType.parseMediaType("text/csv"));
        desk.client().post().uri("/staff/imports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(withoutToken.build())).exchange().expectStatus().isForbidden();

        MultipartBodyBuilder multipart = new MultipartBodyBuilder();
        multipart.part("_csrf", csrf(form));
        multipart.part("kind", "contributions");
        multipart.part("file", csv.getBytes(StandardCharsets.UTF_8)).filename("缴费.csv")
                .contentType(MediaType.parseMediaType("text/csv"));
        String report = desk.client().post().uri("/staff/imports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(multipart.build())).exchange().expectStatus().isEqualTo(422)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(report).contains("整批未导入", "第 3 行", "amountFen", "金额应为以分为单位的非负整数", "第 4 行",
                "benefitYear", "与第 2 行重复（同一参保人同一待遇年度）");
        assertThat(report).doesNotContain(a.certno());
        assertThat(count("select count(*) from contribution_record")).isEqualTo(contributions);

        MultipartBodyBuilder good = new MultipartBodyBuilder();
        good.part("_csrf", csrf(report));
        good.part("kind", "contributions");
        good.part("file", (header + "\n" + csv.lines().skip(1).findFirst().orElseThrow() + "\n")
                .getBytes(StandardCharsets.UTF_8)).filename("缴费.csv");
        String stored = desk.client().post().uri("/staff/imports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(good.build())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(stored).contains("已导入", "新增 1");
        assertThat(count("select count(*) from contribution_record")).isEqualTo(contributions + 1);
    }

    @Test
    void staffWithoutTheRoleDoNotSeeTheImportPage() {
        BrowserSession desk = signIn.newBrowser();
        URI authorize = signIn.start(desk, "staff").authorize();
        signIn.callback(desk, signIn.submitIssuerLogin(authorize, "staff-helpdesk-" + UUID.randomUUID(), HELP_DESK_ONLY));

        desk.client().get().uri("/staff/imports").exchange().expectStatus().isForbidden();
        assertThat(page(desk, "/staff")).doesNotContain("/staff/imports");
    }

    // ---- the sandbox's demo feed ---------------------------------------------------------------------------------

    @Test
    void theDemoFeedLoadedDibaosHypertensionPrescriptionsThroughTheSameImport() {
        Map<String, Object> counts = database.sql("""
                        select (select count(*) from prescription p join resident r on r.id = p.resident_id
                                 where r.psn_no = :psnNo and p.disease = 'HYPERTENSION') as prescriptions,
                               (select count(*) from prescription p join resident r on r.id = p.resident_id
                                 where r.psn_no = :psnNo and p.status = 'ISSUED'
                                   and p.prescribed_on = date '2023-10-14') as issued,
                               (select count(*) from upstream_batch where operator = 'sandbox-feed') as batches""")
                .bind("psnNo", "14112100000000000021")
                .map(row -> Map.<String, Object>of("prescriptions", row.get("prescriptions", Long.class),
                        "issued", row.get("issued", Long.class), "batches", row.get("batches", Long.class)))
                .one().block();

        assertThat((Long) counts.get("prescriptions")).isGreaterThanOrEqualTo(4);
        assertThat((Long) counts.get("issued")).isEqualTo(1);
        assertThat((Long) counts.get("batches")).as("the files dated up to 2023-10-15").isEqualTo(8);
    }
}
