package cn.yibao.portal.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The filing pages refuse nothing silently: every refusal — a field, a file over the limit (read or not), a rule found
 * only at submission — shows a form again with what was typed and the problem next to its field.
 */
class FilingPagesIT extends PortalIntegrationTest {

    private static final String WENSHUI = "141121";
    private static final String REASON = "随女儿在福州长期居住，照顾外孙";

    private BrowserSession resident(String name) {
        return signIn.as("filing-page-" + UUID.randomUUID(), FreshResidents.adultIn(WENSHUI, name));
    }

    private static MultiValueMap<String, String> firstStep(String type, String province, String destination,
                                                           String startDate) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("type", type);
        form.add("insured", "SELF");
        form.add("province", province);
        form.add("destination", destination);
        form.add("startDate", startDate);
        form.add("reason", REASON);
        return form;
    }

    private EntityExchangeResult<String> review(BrowserSession browser, MultiValueMap<String, String> form) {
        form.add("_csrf", BrowserSession.csrf(browser.page("/filing/new/" + form.getFirst("type"))));
        return browser.client().post().uri("/filing/review").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange().expectBody(String.class).returnResult();
    }

    private EntityExchangeResult<String> submit(BrowserSession browser, MultiValueMap<String, String> form,
                                                String fileName, int bytes) {
        String csrf = BrowserSession.csrf(review(browser, new LinkedMultiValueMap<>(form)).getResponseBody());
        MultipartBodyBuilder multipart = new MultipartBodyBuilder();
        multipart.part("_csrf", csrf);
        form.forEach((name, values) -> values.forEach(value -> multipart.part(name, value)));
        if (fileName != null) {
            byte[] content = new byte[bytes];
            Arrays.fill(content, (byte) 7);
            content[0] = (byte) 0xFF;
            content[1] = (byte) 0xD8;
            content[2] = (byte) 0xFF;
            multipart.part("material_RESIDENCE_PROOF", new ByteArrayResource(content)).filename(fileName)
                    .contentType(MediaType.IMAGE_JPEG);
        }
        return browser.client().post().uri("/filing").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(multipart.build())).exchange().expectBody(String.class)
                .returnResult();
    }

    @Test
    void aFirstStepRefusalKeepsWhatWasTypedAndMarksTheField() {
        BrowserSession browser = resident("蒲秀兰");
        EntityExchangeResult<String> refused = review(browser,
                firstStep("LONG_TERM_RESIDENCE", "350000", "350100", "2023/10/15"));
        assertThat(refused.getStatus().value()).isEqualTo(422);
        assertThat(refused.getResponseBody()).contains("id=\"startDate-error\"", "年-月-日", "value=\"" + REASON + "\"",
                "value=\"2023/10/15\"", "aria-describedby=\"startDate-error\"", "aria-invalid=\"true\"")
                .containsPattern("<option value=\"350100\" selected=\"selected\">福州市</option>")
                .containsPattern("<option value=\"350000\" lang=\"zh-CN\" selected=\"selected\">福建省</option>");
    }

    @Test
    void theDestinationIsAProvinceAndOneOfItsCitiesAndAMismatchedPairIsRefusedNextToTheCity() {
        BrowserSession browser = resident("祁文秀");
        String page = browser.page("/filing/new/LONG_TERM_RESIDENCE");
        assertThat(page).contains("id=\"province\"", "<optgroup label=\"福建省\" lang=\"zh-CN\" data-province=\"350000\">",
                "/js/filing-form.js").doesNotContain("福建省 福州市");

        String refused = review(browser, firstStep("LONG_TERM_RESIDENCE", "350000", "330100", "2023-10-15"))
                .getResponseBody();
        assertThat(refused).contains("id=\"destination-error\"", "所选城市不在福建省", "value=\"" + REASON + "\"");

        // Without a province (no JavaScript, province left alone) a city alone is enough.
        EntityExchangeResult<String> alone = review(browser, firstStep("LONG_TERM_RESIDENCE", "", "350100", "2023-10-15"));
        assertThat(alone.getStatus().value()).isEqualTo(200);
        assertThat(alone.getResponseBody()).contains("id=\"submit-form\"", "福建省福州市");
        // The insured's own city is not on the list, nor accepted.
        assertThat(review(browser, firstStep("LONG_TERM_RESIDENCE", "140000", "141100", "2023-10-15")).getResponseBody())
                .contains("id=\"destination-error\"");
    }

    @Test
    void aFileBetweenTheMaterialLimitAndTheUploadLimitIsNamedNextToItsFieldWithEverythingKept() {
        BrowserSession browser = resident("郝桂英");
        EntityExchangeResult<String> refused = submit(browser,
                firstStep("LONG_TERM_RESIDENCE", "350000", "350100", "2023-10-15"), "居住证明照片.jpg", 6 * 1024 * 1024);
        assertThat(refused.getStatus().value()).isEqualTo(422);
        assertThat(refused.getResponseBody()).contains("id=\"material_RESIDENCE_PROOF-error\"", "居住证明照片.jpg",
                "超过了 5 MB", "aria-describedby=\"material_RESIDENCE_PROOF-error upload-hint\"",
                "name=\"reason\" value=\"" + REASON + "\"", "name=\"destination\" value=\"350100\"");
        assertThat(count("select count(*) from filing f join resident r on r.id = f.insured_id where r.name = '郝桂英'"))
                .isZero();
    }

    @Test
    void aFileOverTheUploadLimitBringsTheSummaryBackFromTheDraftInsteadOfAPageThatLosesEverything() {
        BrowserSession browser = resident("骆淑珍");
        EntityExchangeResult<String> refused = submit(browser,
                firstStep("LONG_TERM_RESIDENCE", "350000", "350100", "2023-10-15"), "大照片.jpg", 11 * 1024 * 1024);
        assertThat(refused.getStatus().value()).isEqualTo(303);
        assertThat(refused.getResponseHeaders().getLocation()).hasToString("/filing/review?upload=too-large");

        String again = browser.client().get().uri("/filing/review?upload=too-large").exchange()
                .expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
        assertThat(again).contains("id=\"materials-error\"", "超过了 5 MB", "您填写的内容都还在",
                "name=\"reason\" value=\"" + REASON + "\"", "福建省福州市", "id=\"submit-form\"",
                "aria-describedby=\"materials-error upload-hint\"");
        assertThat(count("select count(*) from filing f join resident r on r.id = f.insured_id where r.name = '骆淑珍'"))
                .isZero();
    }

    @Test
    void aFirstStepSentAfterTheSessionRanOutComesBackFilledOnItsOwnPageAfterSignIn() {
        String login = "filing-expired-" + UUID.randomUUID();
        String claims = FreshResidents.adultIn(WENSHUI, "冼美玲");
        BrowserSession browser = signIn.newBrowser();
        String formPage = "/filing/new/OTHER_TEMPORARY?insured=SELF";
        MultiValueMap<String, String> form = firstStep("OTHER_TEMPORARY", "330000", "330100", "2023-10-20");
        form.add("_csrf", "token-of-a-session-that-ended");
        browser.client().post().uri("/filing/review").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Referer", "http://localhost:" + port + formPage)
                .body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isSeeOther().expectHeader().location("/?signin=expired");

        var start = signIn.start(browser);
        java.net.URI landed = signIn.callback(browser, signIn.submitIssuerLogin(start.authorize(), login, claims))
                .getResponseHeaders().getLocation();
        assertThat(landed).hasToString(formPage);
        String page = browser.page(formPage);
        assertThat(page).contains("id=\"form-restored\"", "value=\"" + REASON + "\"", "value=\"2023-10-20\"")
                .containsPattern("<option value=\"330100\" selected=\"selected\">杭州市</option>");
        assertThat(count("select count(*) from filing f join resident r on r.id = f.insured_id where r.name = '冼美玲'"))
                .as("nothing was filed").isZero();
    }

    @Test
    void withoutADraftTheReviewAddressStartsAgainRatherThanNotFound() {
        BrowserSession browser = resident("伍丽华");
        browser.client().get().uri("/filing/review").exchange().expectStatus().isSeeOther()
                .expectHeader().location("/filing/new");
    }

    @Test
    void aRuleBrokenOnlyAtSubmissionShowsTheFirstStepAgainWithTheFieldMarked() {
        BrowserSession browser = resident("齐凤英");
        MultiValueMap<String, String> trip = firstStep("OTHER_TEMPORARY", "330000", "330100", "2023-10-15");
        EntityExchangeResult<String> first = submit(browser, trip, null, 0);
        assertThat(first.getStatus().value()).isEqualTo(303);
        // The same period again: refused by the overlap rule when reviewed, with the dates marked and the text kept.
        EntityExchangeResult<String> overlapping = review(browser,
                firstStep("OTHER_TEMPORARY", "330000", "330100", "2023-10-20"));
        assertThat(overlapping.getStatus().value()).isEqualTo(422);
        assertThat(overlapping.getResponseBody()).contains("id=\"startDate-error\"", "时间重叠",
                "value=\"" + REASON + "\"", "value=\"2023-10-20\"");
    }

    @Test
    void cancellingAsksFirstSaysWhatHappensAndThatItCannotBeUndone() {
        BrowserSession browser = resident("鲍玉珍");
        EntityExchangeResult<String> filed = submit(browser,
                firstStep("OTHER_TEMPORARY", "330000", "330100", "2023-10-15"), null, 0);
        String detail = filed.getResponseHeaders().getLocation().getPath();
        String id = detail.substring("/filing/".length());
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", BrowserSession.csrf(browser.page(detail)));

        String asked = browser.client().post().uri(detail + "/cancel").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(asked).contains("id=\"cancel-confirmation\"", "确定取消这份备案吗", "立即失效", "按未备案处理",
                "不能撤销", "name=\"confirm\" value=\"yes\"", "id=\"cancel-keep\"");
        assertThat(status(id)).as("the first tap changes nothing").isEqualTo("EFFECTIVE");

        form.add("confirm", "yes");
        browser.client().post().uri(detail + "/cancel").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange().expectStatus().isSeeOther()
                .expectHeader().location(detail + "?cancelled");
        assertThat(status(id)).isEqualTo("CANCELLED");
    }

    private String status(String id) {
        return database.sql("select status from filing where id = :id").bind("id", UUID.fromString(id))
                .map(row -> row.get("status", String.class)).one().block();
    }
}
