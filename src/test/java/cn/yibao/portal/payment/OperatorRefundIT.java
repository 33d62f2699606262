package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshStaff;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * An operator's refund is a two-step act of the order's own region: the operator first sees whom, how much and why,
 * then confirms exactly that; only the confirmation asks the channel. The payer's page then says what was refunded,
 * when, why, where the money goes and what it means for their cover.
 */
class OperatorRefundIT extends PaymentsOverHttp {

    /** A family of three in 文水: one order of 1,140 元, paid. */
    record FamilyOrder(Payer payer, String paymentId, String orderNo) {
    }

    private FamilyOrder paidFamilyOrder(String surname) throws InterruptedException {
        Payer payer = freshPayer(surname + "大山");
        String spouse = bindAsFamily(payer, freshPayer(surname + "溪"));
        String sister = bindAsFamily(payer, freshPayer(surname + "小河子"));
        String paymentId = create(payer, newKey(), "{\"year\":2024,\"insured\":[\"SELF\",\"" + spouse + "\",\""
                + sister + "\"],\"channel\":\"SANDBOX\"}", 201).get("paymentId").asString();
        String orderNo = orderNo(payer, paymentId);
        payAtSandbox(orderNo, "ONCE");
        waitForStatus(payer, paymentId, "PAID", Duration.ofSeconds(30));
        assertThat(payment(payer, paymentId).get("amountFen").asLong()).isEqualTo(3 * WENSHUI_ADULT_2024_FEN);
        return new FamilyOrder(payer, paymentId, orderNo);
    }

    /** Nothing refunded: the order paid, its people paid, no refund record, nothing at the channel. */
    private void nothingRefunded(FamilyOrder order) {
        assertThat(status(order.payer(), order.paymentId())).isEqualTo("PAID");
        assertThat(itemStates(order.paymentId())).containsOnly("PAID");
        assertThat(count("select count(*) from payment_refund where order_id = $1", UUID.fromString(order.paymentId())))
                .isZero();
        assertThat(count("select count(*) from sandbox_refund where order_no = $1", order.orderNo())).isZero();
    }

    private static String wenshuiOperator() {
        return FreshStaff.claims(WENSHUI, "PAYMENT_OPERATOR");
    }

    @Test
    void anOperatorOfAnotherRegionCannotRefundAnOrderOfWenshuiOnThePageNorThroughTheApi() throws InterruptedException {
        FamilyOrder order = paidFamilyOrder("庞");
        BrowserSession weihai = signIn.asStaff("staff-weihai");
        String desk = weihai.page("/staff/payments");

        weihai.client().post().uri("/staff/payments/refunds").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", BrowserSession.csrf(desk)).with("orderNo", order.orderNo())
                        .with("reason", "参保人已在务工地参保缴费"))
                .exchange().expectStatus().isForbidden();
        String token = signIn.staffAccessToken("staff-weihai");
        portal.post().uri("/api/v1/staff/payments/" + order.orderNo() + "/refund/preview")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "参保人已在务工地参保缴费"))
                .exchange().expectStatus().isForbidden();
        portal.post().uri("/api/v1/staff/payments/" + order.orderNo() + "/refund")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "参保人已在务工地参保缴费", "confirmation", "a-confirmation-of-its-own"))
                .exchange().expectStatus().isForbidden();

        nothingRefunded(order);
    }

    @Test
    void aReasonNoRefundCouldStoreIsSaidOnTheDeskAndNothingIsAskedOfAnyone() throws InterruptedException {
        FamilyOrder order = paidFamilyOrder("鲍");
        BrowserSession operator = signIn.asStaff(FreshStaff.login(), wenshuiOperator());
        String desk = operator.page("/staff/payments");

        for (String reason : new String[] {"参保人\u0000申请", "a".repeat(100_000)}) {
            for (String step : new String[] {"/staff/payments/refunds", "/staff/payments/refunds/confirm"}) {
                String answer = operator.client().post().uri(step).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData("_csrf", BrowserSession.csrf(desk))
                                .with("orderNo", order.orderNo()).with("reason", reason).with("confirmation", "x"))
                        .exchange().expectStatus().isEqualTo(422).expectBody(String.class).returnResult()
                        .getResponseBody();
                assertThat(answer).as("%s, a reason of %d characters", step, reason.length()).contains("退款原因");
            }
        }

        nothingRefunded(order);
    }

    @Test
    void theOperatorSeesWhomHowMuchAndWhyFirstAndOnlyTheirConfirmationRefunds() throws InterruptedException {
        FamilyOrder order = paidFamilyOrder("褚");
        BrowserSession operator = signIn.asStaff(FreshStaff.login(), wenshuiOperator());
        String desk = operator.page("/staff/payments");

        String noReason = operator.client().post().uri("/staff/payments/refunds")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", BrowserSession.csrf(desk)).with("orderNo", order.orderNo())
                        .with("reason", " "))
                .exchange().expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
        assertThat(noReason).contains("请填写退款原因");
        nothingRefunded(order);

        String preview = operator.client().post().uri("/staff/payments/refunds")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", BrowserSession.csrf(desk)).with("orderNo", order.orderNo())
                        .with("reason", "参保人已在务工地参保缴费"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String shown = section(preview, "refund-preview");
        assertThat(shown).contains(order.orderNo(), "褚**", "褚*", "褚***", "380 元", "1140 元",
                "参保人已在务工地参保缴费", "原路退回");
        nothingRefunded(order);

        String done = operator.client().post().uri("/staff/payments/refunds/confirm")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", BrowserSession.csrf(preview)).with("orderNo", order.orderNo())
                        .with("reason", "参保人已在务工地参保缴费").with("confirmation", confirmation(preview)))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(done).contains("退款单 RF" + order.orderNo() + "（1140 元）：退款成功");
        assertThat(status(order.payer(), order.paymentId())).isEqualTo("REFUNDED");
        assertThat(itemStates(order.paymentId())).containsOnly("REFUNDED");
        assertThat(count("select count(*) from sandbox_refund where order_no = $1", order.orderNo())).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'PAYMENT_REFUND_PREVIEW' and object_id = $1",
                order.paymentId())).as("what the operator was shown is audited too").isEqualTo(1);
    }

    @Test
    void theApiRefundsOnlyWhatAPreviewShowedAndTheOperatorConfirmed() throws InterruptedException {
        FamilyOrder order = paidFamilyOrder("樊");
        // The city's operator (吕梁市) acts for its counties, 文水县 among them.
        String operator = signIn.staffAccessToken("staff-lvliang");
        String refundPath = "/api/v1/staff/payments/" + order.orderNo() + "/refund";

        portal.post().uri(refundPath).header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "参保人已在务工地参保缴费"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("confirmation");
        nothingRefunded(order);

        JsonNode preview = JSON.readTree(portal.post().uri(refundPath + "/preview")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "参保人已在务工地参保缴费"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(preview.get("amountFen").asLong()).isEqualTo(3 * WENSHUI_ADULT_2024_FEN);
        assertThat(preview.get("people")).hasSize(3);
        assertThat(preview.get("wholeOrder").asBoolean()).isTrue();
        String confirmation = preview.get("confirmation").asString();
        nothingRefunded(order);

        // A confirmation is for the refund previewed, with its reason: another reason needs another look.
        portal.post().uri(refundPath).header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "别的原因", "confirmation", confirmation))
                .exchange().expectStatus().isEqualTo(409);
        nothingRefunded(order);

        JsonNode refunded = JSON.readTree(portal.post().uri(refundPath).header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "参保人已在务工地参保缴费", "confirmation", confirmation))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refunded.get("amountFen").asLong()).isEqualTo(3 * WENSHUI_ADULT_2024_FEN);

        // The same confirmation again refunds nothing more.
        portal.post().uri(refundPath).header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "参保人已在务工地参保缴费", "confirmation", confirmation))
                .exchange().expectStatus().isEqualTo(409);
        assertThat(count("select count(*) from sandbox_refund where order_no = $1", order.orderNo())).isEqualTo(1);
    }

    @Test
    void thePayerIsToldWhatWasRefundedWhenWhyWhereTheMoneyGoesAndThatTheyAreNoLongerCovered()
            throws InterruptedException {
        FamilyOrder order = paidFamilyOrder("滕");
        String operator = signIn.staffAccessToken(FreshStaff.login(), wenshuiOperator());
        String refundPath = "/api/v1/staff/payments/" + order.orderNo() + "/refund";
        String confirmation = JSON.readTree(portal.post().uri(refundPath + "/preview")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "参保人已在务工地参保缴费"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody())
                .get("confirmation").asString();
        portal.post().uri(refundPath).header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "参保人已在务工地参保缴费", "confirmation", confirmation))
                .exchange().expectStatus().isOk();

        JsonNode refund = payment(order.payer(), order.paymentId()).get("refunds").get(0);
        assertThat(refund.get("reason").asString()).isEqualTo("参保人已在务工地参保缴费");
        assertThat(refund.get("requestedAt").asString()).isNotBlank();
        assertThat(refund.get("completedAt").asString()).isNotBlank();
        assertThat(refund.get("destination").asString()).isEqualTo("ORIGINAL_ACCOUNT");

        String page = signIn.as("refund-page-" + UUID.randomUUID(), order.payer().claims()).page("/payment/" + order.paymentId());
        String refunds = section(page, "payment-refunds");
        assertThat(refunds).contains("1140 元", "参保人已在务工地参保缴费", "退款成功", "原路退回", "沙箱支付",
                "2024 年度", "不再享有", "滕**", "滕*", "滕***");
        assertThat(refunds).containsPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(refunds).contains("href=\"/payment/new?year=2024\"");
    }

    /** The page's section with this id. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("the page has #%s", id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String confirmation(String page) {
        Matcher matcher = Pattern.compile("name=\"confirmation\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("the preview carries its confirmation").isTrue();
        return matcher.group(1);
    }
}
