package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshStaff;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Issue #17, items 1–4: where money is concerned every page says each person's state first, the same on 我的缴费, the
 * home page and the payment pages; two people with the same masked name are told apart by their relation; a payment
 * cancelled at the cashier is closed at once; a refund says when, why and what to do next.
 */
class MoneyStatesIT extends PaymentsOverHttp {

    /** 温大山 pays for himself and his father 温小河 (both "温**"); his spouse 温溪 is left unpaid. */
    record Family(Payer payer, String fatherId, String spouseId, BrowserSession browser) {
    }

    private Family family(String surname) {
        Payer payer = freshPayer(surname + "大山");
        String father = bindAsFamily(payer, freshPayer(surname + "小河"), "PARENT");
        String spouse = bindAsFamily(payer, freshPayer(surname + "溪"), "SPOUSE");
        return new Family(payer, father, spouse, signIn.as("money-" + UUID.randomUUID(), payer.claims()));
    }

    private String paySelfAndFather(Family family) throws InterruptedException {
        String paymentId = create(family.payer(), newKey(), "{\"year\":2024,\"insured\":[\"SELF\",\"" + family.fatherId()
                + "\"],\"channel\":\"SANDBOX\"}", 201).get("paymentId").asString();
        payAtSandbox(orderNo(family.payer(), paymentId), "ONCE");
        waitForStatus(family.payer(), paymentId, "PAID", Duration.ofSeconds(30));
        return paymentId;
    }

    @Test
    void afterPayingForTwoOfThreeEachPageSaysWhoIsPaidAndWhatIsStillDue() throws InterruptedException {
        Family family = family("温");
        String paymentId = paySelfAndFather(family);

        String contribution = page(family.browser(), "/contribution?year=2024");
        assertThat(contribution).contains("待缴合计（1 人）", "id=\"summary-due\">380<", "一次缴清 380 元",
                "在本平台缴纳 380 元", "应缴 380 元，2023-12-25 前缴纳");
        assertThat(contribution.split("standing-state standing-PAID_HERE", -1)).as("two paid, in the list and the folds")
                .hasSize(5);
        assertThat(contribution.split("2024年度应缴", -1)).as("the headline 应缴 only for the unpaid spouse")
                .hasSize(2);

        String home = page(family.browser(), "/home");
        assertThat(home).contains("id=\"household-summary\"", "2024年度待缴 380 元（1 人），请在 2023-12-25 前缴纳",
                "id=\"home-pay-all\"", "href=\"/payment/new?year=2024\"", "温** · 本人", "温** · 父母", "温* · 配偶",
                "2024年度：应缴 380 元，2023-12-25 前缴纳", "href=\"/payment/" + paymentId + "\"");
        assertThat(home.split("standing-PAID_HERE", -1)).as("self and father paid on the home page").hasSize(3);

        String result = page(family.browser(), "/payment/" + paymentId);
        assertThat(result).contains("已收到付款 760 元", "温**（本人）", "温**（父母）", "温**（本人）的缴费凭证",
                "温**（父母）的缴费凭证").doesNotContain("payment-continue");
        assertThat(page(family.browser(), "/payments")).contains("温**（本人）、温**（父母）");
    }

    @Test
    void theReceiptPageAndPdfSayWhoseReceiptItIs() throws Exception {
        Family family = family("甘");
        String paymentId = paySelfAndFather(family);
        JsonReceipts receipts = new JsonReceipts(payment(family.payer(), paymentId));

        for (Map.Entry<String, String> receipt : receipts.byRelation(family.fatherId()).entrySet()) {
            String page = page(family.browser(), "/payment/" + paymentId + "/receipts/" + receipt.getKey());
            String pdf = pdfText(family.browser(), "/payment/" + paymentId + "/receipts/" + receipt.getKey() + ".pdf");
            String relation = receipt.getValue();
            assertThat(page).contains("甘**（" + relation + "）");
            assertThat(pdf).contains("甘**（" + relation + "，身份证号");
        }
    }

    @Test
    void aPaymentCancelledAtTheCashierIsClosedAtOnceNotConfirming() {
        Family family = family("隗");
        String paymentId = create(family.payer(), newKey(), SELF_2024, 201).get("paymentId").asString();
        String orderNo = orderNo(family.payer(), paymentId);

        String waiting = page(family.browser(), "/payment/" + paymentId);
        assertThat(waiting).contains("还没有收到付款", "id=\"payment-continue\"", "如果您刚刚付过款，请不要再付")
                .doesNotContain("确认中", "请勿重复支付");

        portal.post().uri("/sandbox-pay/cashier/" + orderNo + "/cancel").exchange().expectStatus().is3xxRedirection();
        String closed = page(family.browser(), "/payment/" + paymentId);

        assertThat(closed).contains("data-status=\"CLOSED\"", "已关闭（未支付）", "没有扣款", "重新缴费")
                .doesNotContain("payment-continue", "确认中");
        assertThat(status(family.payer(), paymentId)).isEqualTo("CLOSED");
    }

    @Test
    void aRefundedPayerIsToldWhenWhyAndThatTheYearMayBePaidAgainByTheDeadline() throws InterruptedException {
        Family family = family("覃");
        String paymentId = paySelfAndFather(family);
        String orderNo = orderNo(family.payer(), paymentId);
        String operator = signIn.staffAccessToken(FreshStaff.login(), FreshStaff.claims(WENSHUI, "PAYMENT_OPERATOR"));
        String refundPath = "/api/v1/staff/payments/" + orderNo + "/refund";
        String confirmation = JSON.readTree(portal.post().uri(refundPath + "/preview")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("reason", "参保人已在务工地参保缴费"))
                        .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody())
                .get("confirmation").asString();
        portal.post().uri(refundPath).header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "参保人已在务工地参保缴费", "confirmation", confirmation))
                .exchange().expectStatus().isOk();

        String contribution = page(family.browser(), "/contribution?year=2024");
        assertThat(contribution).contains("standing-REFUNDED", "已退回 380 元，本年度未参保", "退款原因：参保人已在务工地参保缴费",
                "如仍需参保，请在 2023-12-25 前重新缴纳 380 元", "待缴合计（3 人）");
        String result = page(family.browser(), "/payment/" + paymentId);
        assertThat(result).contains("data-status=\"REFUNDED\"", "这笔订单的钱已经退回", "参保人已在务工地参保缴费",
                "原路退回", "覃**（本人）", "href=\"/payment/new?year=2024\"");
        assertThat(page(family.browser(), "/home")).contains("2024年度：380 元已退回，未参保");
    }

    /** The receipts of an order, each with the relation its insured person has to the payer. */
    private record JsonReceipts(tools.jackson.databind.JsonNode payment) {

        Map<String, String> byRelation(String fatherId) {
            Map<String, String> found = new java.util.HashMap<>();
            for (tools.jackson.databind.JsonNode insured : payment.get("insured")) {
                found.put(insured.get("receiptNo").asString(),
                        insured.get("personId").asString().equals(fatherId) ? "父母" : "本人");
            }
            assertThat(found).hasSize(2);
            return found;
        }
    }

    /**
     * The page, with the pieces of a text that keeps its dates whole (plain and no-wrap spans) and names marked as
     * Chinese (lang spans) read as plain text.
     */
    private static String page(BrowserSession browser, String path) {
        return browser.page(path).replaceAll("<span(?: class=\"(?:nowrap|num)\"| lang=\"zh-CN\")?>([^<]*)</span>", "$1");
    }

    private static String pdfText(BrowserSession browser, String path) throws java.io.IOException {
        byte[] pdf = browser.client().get().uri(path).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
