package cn.yibao.portal.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Every filing rule through the API, uploads through the page, the staff region boundary. Sandbox date 2023-10-15. */
class FilingApiIT extends PortalIntegrationTest {

    private WebTestClient.ResponseSpec file(String token, Map<String, Object> body) {
        return portal.post().uri("/api/v1/filings").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void aLongTermFilingWithTheCommitmentLetterIsEffectiveAtOnceVerifiesPubliclyAndIsLockedForSixMonths() {
        String fuzhou = signIn.accessToken("fuzhou-general");
        Map<?, ?> filing = file(fuzhou, body("type", "LONG_TERM_RESIDENCE", "insured", "SELF", "destination", "210100",
                "startDate", "2023-10-15", "reason", "随子女生活", "commitment", true))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(filing.get("status")).isEqualTo("EFFECTIVE");
        assertThat(filing.get("endDate")).isNull();
        String token = (String) ((Map<?, ?>) filing.get("code")).get("token");
        portal.post().uri("/api/v1/codes/verify").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(true).jsonPath("$.purpose").isEqualTo("FILING")
                .jsonPath("$.subject").isEqualTo("欧阳**");

        portal.post().uri("/api/v1/filings/" + filing.get("id") + "/cancel").headers(h -> h.setBearerAuth(fuzhou))
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.field").isEqualTo("status")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("6个月", "2024-04-15"));
        file(fuzhou, body("type", "RETIRED_RELOCATED", "destination", "440100", "startDate", "2023-11-01",
                "reason", "养老", "commitment", true))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("startDate");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            destination is the insured region itself  | OTHER_TEMPORARY | 371000 | 2023-10-15 | 2024-06-30 | 探亲 | false |            | destination
            destination is a whole province           | OTHER_TEMPORARY | 350000 | 2023-10-15 | 2024-06-30 | 探亲 | false |            | destination
            end before start                          | OTHER_TEMPORARY | 350100 | 2023-10-15 | 2023-10-01 | 探亲 | false |            | endDate
            temporary shorter than six months         | OTHER_TEMPORARY | 350100 | 2023-10-15 | 2024-01-31 | 探亲 | false |            | endDate
            start in the past without 补办            | OTHER_TEMPORARY | 350100 | 2023-10-01 |            | 探亲 | false |            | startDate
            commitment on a temporary filing          | OTHER_TEMPORARY | 350100 | 2023-10-15 |            | 探亲 | true  |            | commitment
            emergency counts as filed                 | EMERGENCY       | 350100 | 2023-10-15 |            | 急诊 | false |            | type
            no reason                                 | OTHER_TEMPORARY | 350100 | 2023-10-15 |            |      | false |            | reason
            补办 for a treatment in the future        | OTHER_TEMPORARY | 350100 | 2023-10-01 |            | 就医 | false | 2023-10-20 | treatmentDate
            补办 for a treatment after the period     | OTHER_TEMPORARY | 350100 | 2023-04-01 | 2023-09-30 | 就医 | false | 2023-10-05 | treatmentDate
            another county of the insured city        | OTHER_TEMPORARY | 371002 | 2023-10-15 | 2024-06-30 | 探亲 | false |            | destination
            """)
    void aRuleViolationIs422WithTheChineseMessageAndTheField(String rule, String type, String destination,
                                                             String start, String end, String reason,
                                                             boolean commitment, String treatment, String field) {
        String student = signIn.accessToken("weihai-student");
        long before = count("select count(*) from filing");

        file(student, body("type", type, "destination", destination, "startDate", start, "endDate", end,
                "reason", reason, "commitment", commitment, "treatmentDate", treatment))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).matches(".*\\p{IsHan}.*"));
        assertThat(count("select count(*) from filing")).as(rule + " stores nothing").isEqualTo(before);
    }

    @Test
    void aTemporaryFilingCanBeCancelledAnyTimeAndItsCodeThenNoLongerVerifies() {
        String student = signIn.accessToken("weihai-student");
        Map<?, ?> filing = file(student, body("type", "OTHER_TEMPORARY", "destination", "350100",
                "startDate", "2023-10-15", "reason", "实习"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String token = (String) ((Map<?, ?>) filing.get("code")).get("token");

        portal.post().uri("/api/v1/filings/" + filing.get("id") + "/cancel").headers(h -> h.setBearerAuth(student))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED")
                .jsonPath("$.code").doesNotExist();
        portal.post().uri("/api/v1/codes/verify").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(false).jsonPath("$.reason").isEqualTo("已撤销");
    }

    @Test
    void aFilingAfterTheFactCoversATreatmentThatAlreadyHappened() {
        file(signIn.accessToken("wenshui-tekun"), body("type", "OTHER_TEMPORARY", "destination", "110100",
                "startDate", "2023-09-20", "reason", "探亲期间就医", "treatmentDate", "2023-09-25"))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.status").isEqualTo("EFFECTIVE")
                .jsonPath("$.treatmentDate").isEqualTo("2023-09-25")
                .jsonPath("$.endDate").isEqualTo("2024-03-19");
    }

    @Test
    void malformedInputIs400AndAnotherResidentsFilingIs404() {
        String student = signIn.accessToken("weihai-student");
        file(student, body("type", "HOLIDAY", "destination", "350100", "startDate", "2023-10-15"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("type");
        file(student, body("type", "OTHER_TEMPORARY", "destination", "350100", "startDate", "15/10/2023"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("startDate");

        Map<?, ?> mine = file(signIn.accessToken("wenshui-spouse"), body("type", "OTHER_TEMPORARY",
                "destination", "320100", "startDate", "2023-10-16", "reason", "旅游"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        portal.get().uri("/api/v1/filings/" + mine.get("id")).headers(h -> h.setBearerAuth(student)).exchange()
                .expectStatus().isNotFound();
        portal.post().uri("/api/v1/filings/" + mine.get("id") + "/cancel").headers(h -> h.setBearerAuth(student))
                .exchange().expectStatus().isNotFound();
        String list = portal.get().uri("/api/v1/filings").headers(h -> h.setBearerAuth(student)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(list).doesNotContain((String) mine.get("number"));
    }

    @Test
    void anAdultFamilyMembersFilingStaysTheirsEvenWhenBound() {
        Map<?, ?> spouses = file(signIn.accessToken("wenshui-spouse"), body("type", "RETIRED_RELOCATED",
                "destination", "440100", "startDate", "2023-10-15", "reason", "随子女养老", "commitment", true))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String partner = signIn.accessToken("wenshui-general");

        portal.get().uri("/api/v1/filings/" + spouses.get("id")).headers(h -> h.setBearerAuth(partner)).exchange()
                .expectStatus().isNotFound();
        portal.post().uri("/api/v1/filings/" + spouses.get("id") + "/cancel").headers(h -> h.setBearerAuth(partner))
                .exchange().expectStatus().isNotFound();
        assertThat(portal.get().uri("/api/v1/filings").headers(h -> h.setBearerAuth(partner)).exchange()
                .expectBody(String.class).returnResult().getResponseBody()).doesNotContain((String) spouses.get("number"));
    }

    @Test
    void twoOverlappingSubmissionsAtOnceLeaveExactlyOneFiling() {
        String token = signIn.accessToken("shenyang-general");
        Map<String, Object> body = body("type", "OTHER_TEMPORARY", "destination", "510100", "startDate", "2023-11-01",
                "reason", "探亲");
        long before = count("select count(*) from filing f join resident r on r.id = f.insured_id "
                + "where r.psn_no = '21010000000000000041' and f.kind = 'TEMPORARY'");

        java.util.List<Integer> statuses = reactor.core.publisher.Flux.range(0, 8)
                .flatMap(i -> org.springframework.web.reactive.function.client.WebClient.create("http://localhost:" + port)
                        .post().uri("/api/v1/filings").headers(h -> h.setBearerAuth(token))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                        .exchangeToMono(response -> reactor.core.publisher.Mono.just(response.statusCode().value())))
                .collectList().block();

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(7);
        assertThat(count("select count(*) from filing f join resident r on r.id = f.insured_id "
                + "where r.psn_no = '21010000000000000041' and f.kind = 'TEMPORARY'")).isEqualTo(before + 1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    Filings filings;

    @Test
    void aFilingWhosePeriodHasEndedCannotBeApproved() {
        String zhao = signIn.accessToken("wenshui-tekun");
        Map<?, ?> past = file(zhao, body("type", "REFERRAL", "destination", "140100", "startDate", "2023-03-01",
                "endDate", "2023-08-31", "reason", "转诊", "treatmentDate", "2023-04-10"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(past.get("status")).isEqualTo("UNDER_REVIEW");
        BrowserSession desk = signIn.asStaff("staff-wenshui");
        String detail = page(desk, "/staff/filings/" + past.get("id"));
        String refusal = desk.client().post().uri("/staff/filings/" + past.get("id") + "/decision")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", csrf(detail)).with("decision", "approve").with("reason", "ok"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(refusal).as("a period that has ended cannot be approved").contains("有效期已过");
    }

    @Test
    void anEffectiveFilingPastItsEndDateExpiresWithTheReasonRecorded() {
        String zhou = signIn.accessToken("wenshui-jiance");
        Map<?, ?> past = file(zhou, body("type", "OTHER_TEMPORARY", "destination", "320100", "startDate", "2023-03-01",
                "endDate", "2023-08-31", "reason", "探亲期间就医", "treatmentDate", "2023-04-10"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(past.get("status")).isEqualTo("EFFECTIVE");

        assertThat(filings.expireDue().block()).isGreaterThanOrEqualTo(1L);

        portal.get().uri("/api/v1/filings/" + past.get("id")).headers(h -> h.setBearerAuth(zhou)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("EXPIRED")
                .jsonPath("$.history[-1].actor").isEqualTo("SYSTEM")
                .jsonPath("$.history[-1].reason").isEqualTo("有效期届满");
    }

    @Test
    void anEmptyBodyIsABadRequestNotABlankAnswer() {
        portal.post().uri("/api/v1/filings").headers(h -> h.setBearerAuth(signIn.accessToken("weihai-student")))
                .contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("body");
    }

    @Test
    void aParentFilesForABoundMinorButNotForSomeoneElse() {
        String parent = signIn.accessToken("weihai-adult");
        Map<?, ?> family = portal.get().uri("/api/v1/family").headers(h -> h.setBearerAuth(parent)).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        Object child = ((Map<?, ?>) ((java.util.List<?>) family.get("members")).get(0)).get("memberId");

        file(parent, body("type", "OTHER_TEMPORARY", "insured", child, "destination", "350100",
                "startDate", "2023-10-20", "reason", "随父母探亲"))
                .expectStatus().isCreated().expectBody().jsonPath("$.insured.maskedName").isEqualTo("陈**");
        file(signIn.accessToken("fuzhou-general"), body("type", "OTHER_TEMPORARY", "insured", child,
                "destination", "440100", "startDate", "2023-10-20", "reason", "x"))
                .expectStatus().isNotFound().expectBody().jsonPath("$.field").isEqualTo("insured");
    }

    @Test
    void aReferralGoesToReviewSeenAndDecidedOnlyByStaffOfTheResidentsRegion() {
        String jiance = signIn.accessToken("wenshui-jiance");
        Map<?, ?> filing = file(jiance, body("type", "REFERRAL", "destination", "140100", "startDate", "2023-10-15",
                "reason", "转诊太原"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(filing.get("status")).isEqualTo("UNDER_REVIEW");
        String number = (String) filing.get("number");

        BrowserSession weihaiStaff = signIn.asStaff("staff-weihai");
        assertThat(page(weihaiStaff, "/staff/filings")).doesNotContain(number);
        weihaiStaff.client().get().uri("/staff/filings/" + filing.get("id")).exchange().expectStatus().isNotFound();

        BrowserSession wenshuiStaff = signIn.asStaff("staff-wenshui");
        assertThat(page(wenshuiStaff, "/staff/filings")).contains(number);
        String detail = page(wenshuiStaff, "/staff/filings/" + filing.get("id"));
        wenshuiStaff.client().post().uri("/staff/filings/" + filing.get("id") + "/decision")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", csrf(detail)).with("decision", "reject").with("reason", ""))
                .exchange().expectStatus().isOk().expectBody(String.class)
                .value(page -> assertThat(page).contains("驳回备案时请填写原因"));
        wenshuiStaff.client().post().uri("/staff/filings/" + filing.get("id") + "/decision")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", csrf(detail)).with("decision", "approve").with("reason", "转诊证明已核实"))
                .exchange().expectStatus().is3xxRedirection();

        portal.get().uri("/api/v1/filings/" + filing.get("id")).headers(h -> h.setBearerAuth(jiance)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("EFFECTIVE")
                .jsonPath("$.history[-1].actor").isEqualTo("STAFF")
                .jsonPath("$.history[-1].reason").isEqualTo("转诊证明已核实");
        assertThat(count("select count(*) from audit_event where action = 'FILING_DECISION' and actor_id = 'S141121001'"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFileThatClaimsToBeAPdfButIsNotIsRefusedAndNothingIsStored() {
        BrowserSession spouse = signIn.as("wenshui-spouse");
        long filings = count("select count(*) from filing");
        long materials = count("select count(*) from filing_material");

        String page = submitLongTerm(spouse, "proof.pdf", "not really a pdf".getBytes());

        assertThat(page).contains("内容与文件类型不符");
        assertThat(count("select count(*) from filing")).isEqualTo(filings);
        assertThat(count("select count(*) from filing_material")).isEqualTo(materials);
    }

    @Test
    void aTwentyMegabyteUploadIsRefusedBeforeItIsStored() {
        BrowserSession spouse = signIn.as("wenshui-spouse");
        long materials = count("select count(*) from filing_material");
        byte[] big = new byte[20 * 1024 * 1024];
        big[0] = '%';
        big[1] = 'P';
        big[2] = 'D';
        big[3] = 'F';
        big[4] = '-';

        String page = submitLongTerm(spouse, "big.pdf", big);

        assertThat(page).as("redirected to the explanation").isEmpty();
        assertThat(spouse.client().get().uri("/upload-too-large?back=/filing/new").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .contains("没有保存任何内容", "href=\"/filing/new\"");
        assertThat(spouse.client().get().uri("/upload-too-large?back=//evil.example/x").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .as("only this site's paths").contains("href=\"/home\"").doesNotContain("evil.example");
        assertThat(count("select count(*) from filing_material")).isEqualTo(materials);
    }

    @Test
    void aFormWithMorePartsThanAnyFilingNeedsIsABadRequestAndStoresNothing() {
        BrowserSession spouse = signIn.as("wenshui-spouse");
        long filings = count("select count(*) from filing");
        MultipartBodyBuilder multipart = new MultipartBodyBuilder();
        multipart.part("_csrf", csrf(page(spouse, "/filing/new/LONG_TERM_RESIDENCE")));
        for (int i = 0; i < 20; i++) {
            multipart.part("extra" + i, "x");
        }

        spouse.client().post().uri("/filing").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(multipart.build()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("没有保存任何内容"));
        assertThat(count("select count(*) from filing")).isEqualTo(filings);
    }

    @Test
    void aRealProofOfResidenceMakesALongTermFilingEffectiveAndOnlyTheFilerCanDownloadIt() {
        BrowserSession resident = signIn.as("wenshui-fanpin");
        byte[] png = cn.yibao.portal.qrcode.QrImages.png("居住证明", 4);

        submitLongTerm(resident, "居住证.png", png);

        Map<?, ?> filing = (Map<?, ?>) ((java.util.List<?>) portal.get().uri("/api/v1/filings")
                .headers(h -> h.setBearerAuth(signIn.accessToken("wenshui-fanpin"))).exchange()
                .expectBody(java.util.List.class).returnResult().getResponseBody()).get(0);
        assertThat(filing.get("status")).isEqualTo("EFFECTIVE");
        String detail = page(resident, "/filing/" + filing.get("id"));
        Matcher link = Pattern.compile("href=\"(/filing/[^\"]+/materials/[^\"]+)\"").matcher(detail);
        assertThat(link.find()).isTrue();
        resident.client().get().uri(link.group(1)).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).isEqualTo(png);
        signIn.as("wenshui-general").client().get().uri(link.group(1)).exchange().expectStatus().isNotFound();
    }

    /** The page flow's last step: the summary's multipart form with one proof of residence and no commitment. */
    private String submitLongTerm(BrowserSession browser, String fileName, byte[] content) {
        String form = page(browser, "/filing/new/LONG_TERM_RESIDENCE");
        MultipartBodyBuilder multipart = new MultipartBodyBuilder();
        multipart.part("_csrf", csrf(form));
        multipart.part("type", "LONG_TERM_RESIDENCE");
        multipart.part("insured", "SELF");
        multipart.part("destination", "330100");
        multipart.part("startDate", "2023-10-15");
        multipart.part("reason", "长期居住");
        multipart.part("material_RESIDENCE_PROOF", content).filename(fileName);
        return browser.client().post().uri("/filing").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(multipart.build()))
                .exchange()
                .returnResult(String.class).getResponseBody().collectList().block().stream()
                .reduce("", String::concat);
    }

    private static String page(BrowserSession browser, String path) {
        return browser.page(path);
    }

    private static String csrf(String page) {
        return BrowserSession.csrf(page);
    }
}
