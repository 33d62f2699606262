package cn.yibao.portal.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;

class ContributionPagesIT extends PortalIntegrationTest {

    @Test
    void dibaoResidentInWenshuiSees76DueFor2024With304AssistanceAndTheDocument() {
        String page = page("wenshui-dibao", "/contribution?year=2024");

        assertThat(page).contains("class=\"due-yuan\">76<", "2024年度应缴", "个人缴费标准 380 元 − 资助 304 元 = 76 元",
                "文医保发〔2023〕10号", "2023-09-01 至 2023-12-25", "2024-01-01 至 2024-12-31");
        // Each date kept whole on a phone, the words between free to wrap.
        assertThat(rawPage("wenshui-dibao", "/contribution?year=2024")).contains(
                "<span class=\"num\">2023-09-01</span> 至 <span class=\"num\">2023-12-25</span>",
                "<span class=\"num\">2024-01-01</span> 至 <span class=\"num\">2024-12-31</span>");
    }

    @Test
    void wenshuiGeneralSeesACardForSelfSpouseAndChild() {
        String page = page("wenshui-general", "/contribution?year=2024");

        assertThat(page.split("class=\"card person\"", -1)).hasSize(4);
        assertThat(page).contains("王** · 本人", "李** · 配偶", "王** · 子女");
    }

    @Test
    void weihaiAdultSwitchesBetweenGradeOneAndTwo() {
        assertThat(page("weihai-adult", "/contribution?year=2024")).contains("class=\"due-yuan\">450<", "grade=2");
        String page = page("weihai-adult", "/contribution?year=2024&grade=2");
        assertThat(page).contains("class=\"due-yuan\">650<")
                .as("the minor child keeps the minors' standard").contains("class=\"due-yuan\">300<");
        assertThat(page.split("grade-switch", -1)).as("only the adult has a grade switch").hasSize(2);
    }

    @Test
    void thePublicCalculatorNeedsNoSignIn() {
        String page = portal.get().uri("/contribution/calculator?region=371000&year=2024&category=MINOR").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("class=\"due-yuan\">300<", "威医保发〔2023〕38号");
    }

    @Test
    void theCalculatorExplainsABadChoiceInChinese() {
        String page = portal.get().uri("/contribution/calculator?region=141121&year=2024&grade=2").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("calculator-error", "分档缴费标准").doesNotContain("due-yuan");
    }

    @Test
    void theCalculatorHandlesLateEnrolmentLikeTheApi() {
        String page = portal.get().uri("/contribution/calculator?region=141121&year=2024&enrolment=LEFT_OTHER_SCHEME"
                        + "&eventDate=2024-02-10&payDate=2024-05-10").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<span class=\"num\">2024-05-11</span> 至 <span class=\"num\">2024-12-31</span>", "一（三）");
    }

    @Test
    void aResidentsOwnQuoteForAYearWithoutALocalFigureOrAPublishedWindowIsNotPayable() {
        // 威海 publishes no adult figure for 2023: the national 350 (医保发〔2022〕20号 一) is information only.
        String page = page("weihai-adult", "/contribution?year=2023");

        assertThat(page).contains("not-payable", "class=\"due-standing\">全国标准<", "请通过参保地");
    }

    /** Issue #16, item 1: 闽医保〔2023〕78号 一 "不低于380" is a floor: shown as one, never as an amount to pay. */
    @Test
    void aFuzhouResidentSeesTheFloorWithItsStandingAndNothingToPay() {
        String page = page("fuzhou-general", "/contribution?year=2024");

        assertThat(page).contains("class=\"due-standing\">不低于<", "class=\"due-yuan\">380<", "2024年度个人缴费标准",
                "not-payable", "不收取", "闽医保〔2023〕78号").doesNotContain("2024年度应缴");
        assertThat(page("fuzhou-general", "/payment/new?year=2024")).doesNotContain("name=\"insured\"")
                .contains("不收取");
    }

    /** Issue #16, items 1 and 9: the public calculator shows 山东's average and 威海's unpublished window. */
    @Test
    void theCalculatorShowsAnAverageAsAnAverageAndSaysWhereToPay() {
        String qingdao = portal.get().uri("/contribution/calculator?region=370200&year=2024&category=ADULT").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(qingdao).contains("class=\"due-standing\">人均<", "not-payable", "鲁医保发〔2023〕36号");

        String weihai = portal.get().uri("/contribution/calculator?region=371000&year=2024&category=MINOR").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(weihai).contains("class=\"due-yuan\">300<", "2024年度应缴", "not-payable", "集中征缴期",
                "请通过参保地");
    }

    @Test
    void theCitedDocumentsAreListedPublicly() {
        String page = portal.get().uri("/policy/documents?focus=文医保发〔2023〕10号").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("文医保发〔2023〕10号", "医保发〔2022〕20号", "原文未载明", "doc focused");
    }

    /** Issue #17, item 1: the 2023 year paid at the tax bureau (reported upstream) is 已缴, as 我的待遇 says 已参保. */
    @Test
    void theYearPaidAtTheTaxBureauIsShownPaidWithWhereAndWhenNotAsOwed() {
        String page = page("wenshui-general", "/contribution?year=2023");

        assertThat(page).contains("id=\"household-summary\"", "全家本年度已缴费或无需缴费",
                        "2022-11-18 在国家税务总局文水县税务局缴纳 350 元", "standing-PAID_ELSEWHERE")
                .doesNotContain("2023年度应缴", "待缴合计", "id=\"pay-all\"")
                .as("the figure is the calculation, not a claim").contains("2023年度个人缴费金额（计算依据）")
                .as("no 'cannot be paid here' for a paid year").doesNotContain("not-payable");
    }

    /** Issue #17, items 1 and 10: one total for the household first, each person's state, details folded. */
    @Test
    void aHouseholdSeesOneTotalWithTheDeadlineThenEachPersonFolded() {
        String page = page("wenshui-general", "/contribution?year=2024");

        assertThat(page).contains("待缴合计（3 人）", "id=\"summary-due\">1140<", "请在 2023-12-25 前缴纳",
                "一次缴清 1140 元", "应缴 380 元，2023-12-25 前缴纳");
        assertThat(page.split("<details class=\"card person\"", -1)).as("three folded persons").hasSize(4);
        assertThat(page).doesNotContain("<details class=\"card person\" open");
    }

    @Test
    void theReasonForAssistanceIsSaidBesideTheState() {
        assertThat(page("wenshui-dibao", "/contribution?year=2024")).contains("资助身份：低保对象，资助 304 元",
                "应缴 76 元");
    }

    /** The page, with the pieces of a text that keeps its dates whole (plain and no-wrap spans) read as plain text. */
    private String page(String login, String path) {
        return rawPage(login, path).replaceAll("<span(?: class=\"(?:nowrap|num)\"| lang=\"zh-CN\")?>([^<]*)</span>", "$1");
    }

    private String rawPage(String login, String path) {
        return signIn.as(login).client().get().uri(path).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
