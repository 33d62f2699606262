package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.FreshStaff;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class ReconciliationIT extends PaymentsOverHttp {

    @Autowired
    BusinessClock clock;

    @Test
    void aPaymentTheSandboxNeverNotifiedIsFoundInItsBillAndSettled() {
        String token = signIn.accessToken("recon-1", FreshResidents.adultIn("141121", "秦明"));
        JsonNode created = JSON.readTree(portal.post().uri("/api/v1/payments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("Idempotency-Key", "recon-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"year\":2024,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        String orderNo = created.get("payUrl").asString().substring("/sandbox-pay/cashier/".length());
        portal.post().uri("/sandbox-pay/api/orders/" + orderNo + "/pay").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"notification\":\"NONE\"}").exchange().expectStatus().isOk();

        String day = clock.today().toString();
        byte[] bill = portal.get().uri("/sandbox-pay/bills/" + day).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        String operator = signIn.staffAccessToken(FreshStaff.login(), FreshStaff.claims(WENSHUI, "PAYMENT_OPERATOR"));
        JsonNode report = JSON.readTree(portal.post().uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=" + day)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.TEXT_PLAIN).bodyValue(bill)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());

        JsonNode ours = null;
        for (JsonNode mismatch : report.get("mismatches")) {
            if (orderNo.equals(mismatch.get("orderNo").asString())) {
                ours = mismatch;
            }
        }
        assertThat(ours).as("the bill's payment for our unpaid order is reported").isNotNull();
        assertThat(ours.get("kind").asString()).isEqualTo("PAID_AT_CHANNEL_ONLY");
        assertThat(ours.get("resolution").asString()).contains("已支付");
        assertThat(count("select count(*) from payment_order where order_no = '" + orderNo + "' and status = 'PAID'"))
                .isEqualTo(1);

        // The same bill again: the same report, nothing settled twice.
        JsonNode again = JSON.readTree(portal.post().uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=" + day)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.TEXT_PLAIN).bodyValue(bill)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(again.get("runId").asString()).isEqualTo(report.get("runId").asString());
    }

    @Test
    void aBillWithOneMismatchOfEachKindIsReportedLineByLineAndTheMatchingPaymentIsNot() throws InterruptedException {
        String matching = paidOrder(freshPayer("卢俊义"));
        Payer unnotified = freshPayer("燕青");
        String paidAtChannelOnlyId = placeSelfOrder(unnotified);
        String paidAtChannelOnly = orderNo(unnotified, paidAtChannelOnlyId);
        payAtSandbox(paidAtChannelOnly, "NONE");
        String paidHereOnly = paidOrder(freshPayer("李固"));
        String amountDiffers = paidOrder(freshPayer("贾氏"));
        String unknown = "YB-NOT-OURS-" + UUID.randomUUID().toString().substring(0, 8);

        // The channel's bill of the day, narrowed to these orders: the one paid here is left out, one amount is
        // changed, and a payment for an order we never issued is added.
        String day = clock.today().toString();
        String downloaded = new String(portal.get().uri("/sandbox-pay/bills/" + day).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        List<String> bill = new ArrayList<>();
        String template = null;
        for (String line : downloaded.split("\n")) {
            String[] fields = line.split(",", -1);
            if (line.startsWith("#") || fields.length < 2 || fields[1].equals("商户订单号")) {
                bill.add(line);
            } else if (fields[1].equals(matching) || fields[1].equals(paidAtChannelOnly)) {
                bill.add(line);
                template = line;
            } else if (fields[1].equals(amountDiffers) && fields[3].equals("PAYMENT")) {
                fields[4] = "1.00";
                bill.add(String.join(",", fields));
            }
        }
        assertThat(template).as("the bill has our payments").isNotNull();
        String[] stranger = template.split(",", -1);
        stranger[1] = unknown;
        stranger[2] = "SB-STRANGER-" + UUID.randomUUID().toString().substring(0, 8);
        stranger[4] = "50.00";
        bill.add(String.join(",", stranger));

        JsonNode report = JSON.readTree(portal.post().uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=" + day)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + signIn.staffAccessToken(FreshStaff.login(),
                        FreshStaff.claims(WENSHUI, "PAYMENT_OPERATOR")))
                .contentType(MediaType.TEXT_PLAIN).bodyValue(String.join("\n", bill) + "\n")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());

        Map<String, String> ofOurs = new HashMap<>();
        for (JsonNode mismatch : report.get("mismatches")) {
            String orderNo = mismatch.get("orderNo").asString();
            if (List.of(matching, paidAtChannelOnly, paidHereOnly, amountDiffers, unknown).contains(orderNo)) {
                assertThat(ofOurs).as("one line per order").doesNotContainKey(orderNo);
                ofOurs.put(orderNo, mismatch.get("kind").asString() + " " + mismatch.path("channelFen").asString("-")
                        + " " + mismatch.path("ourFen").asString("-"));
            }
        }
        assertThat(ofOurs).containsOnly(
                Map.entry(paidAtChannelOnly, "PAID_AT_CHANNEL_ONLY 38000 38000"),
                Map.entry(paidHereOnly, "PAID_HERE_ONLY - 38000"),
                Map.entry(amountDiffers, "AMOUNT_DIFFERS 100 38000"),
                Map.entry(unknown, "UNKNOWN_ORDER 5000 -"));
        assertThat(status(unnotified, paidAtChannelOnlyId)).as("money the channel took is settled").isEqualTo("PAID");
        assertThat(count("select count(*) from payment_order where order_no = $1 and status = 'PAID' "
                + "and review_reason is null", amountDiffers)).as("the others wait for an operator").isEqualTo(1);
    }

    @Test
    void aHandMadeBillLineForAnUnpaidOrderSettlesNothingTheChannelDeniesItAndTheOrderIsFlaggedForAPerson() {
        Payer payer = freshPayer("时迁");
        String paymentId = placeSelfOrder(payer);
        String orderNo = orderNo(payer, paymentId);
        String day = clock.today().toString();
        // Nobody paid: the sandbox's own record of the order says it is still waiting.
        String bill = "交易时间,商户订单号,渠道交易号,类型,金额(元),退款单号\n" + day + "T10:00:00+08:00," + orderNo
                + ",SB-HANDMADE-" + UUID.randomUUID().toString().substring(0, 8) + ",PAYMENT,380.00,\n";
        String operator = signIn.staffAccessToken(FreshStaff.login(), FreshStaff.claims(WENSHUI, "PAYMENT_OPERATOR"));

        JsonNode report = JSON.readTree(portal.post().uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=" + day)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.TEXT_PLAIN).bodyValue(bill)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());

        assertThat(status(payer, paymentId)).as("a file alone settles nothing").isEqualTo("AWAITING_PAYMENT");
        assertThat(itemStates(paymentId)).containsOnly("OPEN");
        JsonNode mismatch = report.get("mismatches").get(0);
        assertThat(mismatch.get("kind").asString()).isEqualTo("PAID_AT_CHANNEL_ONLY");
        assertThat(mismatch.get("resolution").asString()).contains("渠道查询", "待人工核查");
        assertThat(text("select review_reason from payment_order where order_no = $1", orderNo)).contains("对账单");
        JsonNode flagged = JSON.readTree(portal.get().uri("/api/v1/staff/payments/flagged")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(flagged.findValuesAsString("orderNo")).as("flagged for a person of the order's region").contains(orderNo);
        JsonNode elsewhere = JSON.readTree(portal.get().uri("/api/v1/staff/payments/flagged")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + signIn.staffAccessToken("staff-weihai"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(elsewhere.findValuesAsString("orderNo")).as("not another region's").doesNotContain(orderNo);

        // The flag and the resolution are said in the reader's language; the record stays Chinese (above).
        JsonNode inEnglish = JSON.readTree(portal.get().uri("/api/v1/staff/payments/flagged")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        JsonNode ourFlag = null;
        for (JsonNode order : inEnglish) {
            ourFlag = orderNo.equals(order.get("orderNo").asString()) ? order : ourFlag;
        }
        assertThat(ourFlag.get("reviewReason").asString()).isEqualTo("Reconciliation (SANDBOX): The bill says paid, "
                + "but the portal received no payment result; the channel says not paid");
        String englishDesk = signIn.asStaff(FreshStaff.login(), FreshStaff.claims(WENSHUI, "PAYMENT_OPERATOR"))
                .page("/staff/payments?lang=en");
        assertThat(englishDesk).contains(orderNo, "Reconciliation (SANDBOX): The bill says paid");
        JsonNode reportInEnglish = JSON.readTree(portal.post()
                .uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=" + day)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.TEXT_PLAIN).bodyValue(bill)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(reportInEnglish.get("mismatches").get(0).get("resolution").asString())
                .contains("to be checked by a person").doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void anOperatorOfAnotherRegionImportingTheBillLeavesWenshuisOrdersAloneAndOnlyCountsThem() {
        Payer payer = freshPayer("汤隆");
        String paymentId = placeSelfOrder(payer);
        String orderNo = orderNo(payer, paymentId);
        payAtSandbox(orderNo, "NONE");
        String day = clock.today().toString();
        byte[] bill = portal.get().uri("/sandbox-pay/bills/" + day).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();

        JsonNode report = JSON.readTree(portal.post().uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=" + day)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + signIn.staffAccessToken("staff-weihai"))
                .contentType(MediaType.TEXT_PLAIN).bodyValue(bill)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());

        assertThat(report.get("mismatches").findValuesAsString("orderNo")).doesNotContain(orderNo);
        assertThat(report.get("otherRegions").asInt()).isPositive();
        assertThat(status(payer, paymentId)).isEqualTo("AWAITING_PAYMENT");
        assertThat(count("select count(*) from payment_order where order_no = $1 and review_reason is null", orderNo))
                .isEqualTo(1);
    }

    /** A fresh payer's order, paid at the sandbox and settled by its notification; answers the order number. */
    private String paidOrder(Payer payer) throws InterruptedException {
        String paymentId = placeSelfOrder(payer);
        String orderNo = orderNo(payer, paymentId);
        payAtSandbox(orderNo, "ONCE");
        waitForStatus(payer, paymentId, "PAID", Duration.ofSeconds(30));
        return orderNo;
    }

    @Test
    void aBillWithABadLineIsRefusedNamingTheLine() {
        String operator = signIn.staffAccessToken("staff-weihai");
        String bill = "交易时间,商户订单号,渠道交易号,类型,金额(元),退款单号\n2023-10-15T10:00:00+08:00,YB1,SB1,PAYMENT,abc,\n";
        portal.post().uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=2023-10-15")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
                .contentType(MediaType.TEXT_PLAIN).bodyValue(bill)
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").isEqualTo("第 2 行：类型或金额不正确。");
        portal.post().uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=2023-10-15")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.TEXT_PLAIN).bodyValue(bill)
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").isEqualTo("Line 2: The type or the amount is not valid.")
                .jsonPath("$.field").isEqualTo("bill");
    }

    @Test
    void theDeskSaysWhyABillIsRefusedInTheOperatorsLanguage() {
        BrowserSession operator = signIn.asStaff("staff-weihai");
        byte[] wechatBill = "日期,金额\n2023-10-15,380.00\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        String chinese = importOnTheDesk(operator, "", "SANDBOX", "x,y\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(chinese).contains("第 1 行：不是沙箱对账单的表头。");

        String english = importOnTheDesk(operator, "?lang=en", "SANDBOX",
                "x,y\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(english).contains("Line 1: This is not the header of a sandbox bill.").doesNotContain("沙箱对账单");

        // A channel that is not enabled here: said, not passed on as a Chinese record.
        assertThat(importOnTheDesk(operator, "?lang=en", "WECHAT_PAY", wechatBill))
                .contains("This payment channel is not enabled.");
        assertThat(importOnTheDesk(operator, "?lang=zh-CN", "WECHAT_PAY", wechatBill)).contains("该支付渠道未开通。");
    }

    /** Imports a bill on the payments desk page and answers the page (422: refused). */
    private static String importOnTheDesk(BrowserSession operator, String query, String channel, byte[] bill) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("_csrf", BrowserSession.csrf(operator.page("/staff/payments" + query)));
        parts.part("channel", channel);
        parts.part("date", "2023-10-15");
        parts.part("bill", new ByteArrayResource(bill) {
            @Override
            public String getFilename() {
                return "bill.csv";
            }
        });
        String page = operator.client().post().uri("/staff/payments/reconciliations" + query)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build()))
                .exchange().expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
        int start = page.indexOf("id=\"import-error\"");
        assertThat(start).as("the import error is shown").isPositive();
        return page.substring(start, page.indexOf("</p>", start));
    }

    @Test
    void helpDeskStaffWithoutTheOperatorRoleCannotReconcile() {
        portal.post().uri("/api/v1/staff/payments/reconciliations?channel=SANDBOX&date=2023-10-15")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + signIn.staffAccessToken("staff-wenshui"))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("x")
                .exchange().expectStatus().isForbidden();
    }
}
