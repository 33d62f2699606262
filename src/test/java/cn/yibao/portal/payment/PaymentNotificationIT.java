package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.payment.SandboxNotifications.Signed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Notifications are untrusted: the signature first (forged or stale → 401, nothing changes), then merchant and amount
 * against our order (mismatch → acknowledged, nothing changes, the order is flagged), then one guarded transition
 * however often and in whatever order they come. The notifications are built and signed here with the sandbox
 * channel's persisted key, for orders placed through the API and opened at the sandbox.
 */
class PaymentNotificationIT extends PaymentsOverHttp {

    @Value("${portal.data-dir}")
    String dataDir;

    SandboxNotifications sandbox;

    @BeforeEach
    void sandboxKey() {
        sandbox = SandboxNotifications.withTheSandboxKey(dataDir);
    }

    @Test
    void aPaidNotificationReplayedTenTimesInShuffledOrderAmongOthersMovesTheOrderOnce() {
        Payer xu = freshPayer("许仙");
        Payer bai = freshPayer("白素贞");
        Payer fa = freshPayer("法海");
        String xuPayment = placeSelfOrder(xu);
        String baiPayment = placeSelfOrder(bai);
        String faPayment = placeSelfOrder(fa);
        String xuOrder = orderNo(xu, xuPayment);
        String baiOrder = orderNo(bai, baiPayment);
        String faOrder = orderNo(fa, faPayment);
        // Paid at the sandbox without its own notification: the test is the only one to tell the portal.
        String xuTransaction = payAtSandbox(xuOrder, "NONE");
        String baiTransaction = payAtSandbox(baiOrder, "NONE");

        Signed xuPaid = sandbox.sign(SandboxNotifications.paid(xuOrder, xuTransaction, WENSHUI_ADULT_2024_FEN));
        List<Signed> deliveries = new ArrayList<>(Collections.nCopies(10, xuPaid));
        Signed baiPaid = sandbox.sign(SandboxNotifications.paid(baiOrder, baiTransaction, WENSHUI_ADULT_2024_FEN));
        deliveries.addAll(List.of(baiPaid, baiPaid, baiPaid));
        Signed faClosed = sandbox.sign(SandboxNotifications.closed(faOrder, WENSHUI_ADULT_2024_FEN));
        deliveries.addAll(List.of(faClosed, faClosed));
        // And one for an order that is not ours at all (a date on which the portal took no orders).
        String unknownOrderNo = "YB19991231" + String.format("%010d", Math.floorMod(System.nanoTime(), 10_000_000_000L));
        deliveries.add(sandbox.sign(SandboxNotifications.paid(unknownOrderNo, "SB19991231deadbeef00000003",
                WENSHUI_ADULT_2024_FEN)));
        long seed = System.nanoTime();
        Collections.shuffle(deliveries, new Random(seed));

        for (Signed delivery : deliveries) {
            assertThat(deliver(delivery)).as("shuffled with seed %d: every genuine notification is acknowledged", seed)
                    .isEqualTo(200);
        }
        // The channel's last word arrives out of order: "closed" after "paid".
        assertThat(deliver(sandbox.sign(SandboxNotifications.closed(xuOrder, WENSHUI_ADULT_2024_FEN)))).isEqualTo(200);

        assertThat(events(xuPayment)).as("seed %d", seed).containsExactly(
                "→CREATED ORDER_PLACED", "CREATED→AWAITING_PAYMENT CHANNEL_OPENED",
                "AWAITING_PAYMENT→PAID NOTIFICATION");
        assertThat(status(xu, xuPayment)).isEqualTo("PAID");
        assertThat(payment(xu, xuPayment).get("transactionId").asString()).isEqualTo(xuTransaction);
        assertThat(itemStates(xuPayment)).containsExactly("PAID");
        assertThat(count("select count(*) from payment_notification where order_no = $1 and genuine", xuOrder))
                .as("every delivery was received and recorded").isEqualTo(11);
        assertThat(count("select count(*) from payment_notification where order_no = $1 and outcome = 'MOVED'", xuOrder))
                .isEqualTo(1);

        assertThat(count("select count(*) from payment_notification where order_no = $1 and outcome = 'UNKNOWN_ORDER'",
                unknownOrderNo)).isEqualTo(1);
        assertThat(eventsTo(baiPayment, "PAID")).isEqualTo(1);
        assertThat(status(bai, baiPayment)).isEqualTo("PAID");
        assertThat(eventsTo(faPayment, "CLOSED")).isEqualTo(1);
        assertThat(status(fa, faPayment)).isEqualTo("CLOSED");
        assertThat(itemStates(faPayment)).containsExactly("RELEASED");
    }

    @Test
    void tenCopiesOfAPaidNotificationArrivingAtOnceMoveTheOrderOnce() {
        Payer payer = freshPayer("小青");
        String paymentId = placeSelfOrder(payer);
        String orderNo = orderNo(payer, paymentId);
        Signed paid = sandbox.sign(SandboxNotifications.paid(orderNo, payAtSandbox(orderNo, "NONE"),
                WENSHUI_ADULT_2024_FEN));
        WebClient client = WebClient.create("http://localhost:" + port);

        List<Integer> answers = Flux.range(0, 10)
                .flatMap(i -> client.post().uri(SandboxNotifications.NOTIFY_PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Sandbox-Timestamp", paid.timestamp())
                        .header("X-Sandbox-Nonce", paid.nonce())
                        .header("X-Sandbox-Signature", paid.signature())
                        .bodyValue(paid.body())
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 10)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(answers).hasSize(10).containsOnly(200);
        assertThat(eventsTo(paymentId, "PAID")).isEqualTo(1);
        assertThat(itemStates(paymentId)).containsExactly("PAID");
        assertThat(count("select count(*) from payment_item where order_id = $1 and receipt_no is not null",
                UUID.fromString(paymentId))).isEqualTo(1);
    }

    @Test
    void aForgedNotificationIsRefusedAndChangesNothing() {
        Payer payer = freshPayer("李莫愁");
        String paymentId = placeSelfOrder(payer);
        String orderNo = orderNo(payer, paymentId);
        String transaction = payAtSandbox(orderNo, "NONE");
        String genuineBody = SandboxNotifications.paid(orderNo, transaction, WENSHUI_ADULT_2024_FEN);
        long forgedBefore = count("select count(*) from payment_notification where not genuine");
        long badSignatureBefore = forgedFor("签名无效");
        long unsignedBefore = forgedFor("缺少签名头");

        assertThat(deliver(SandboxNotifications.withAnotherKey().sign(genuineBody))).as("signed with another key")
                .isEqualTo(401);
        Signed genuine = sandbox.sign(SandboxNotifications.paid(orderNo, transaction, 1));
        assertThat(deliver(genuine.withBody(genuine.body().replace("\"amountFen\":1,", "\"amountFen\":38000,"))))
                .as("body changed after signing").isEqualTo(401);
        Signed closedForOtherOrder = sandbox.sign(SandboxNotifications.closed("YB000000000000000000", 1));
        assertThat(deliver(closedForOtherOrder.withBody(genuineBody))).as("signature of another body").isEqualTo(401);
        assertThat(portal.post().uri(SandboxNotifications.NOTIFY_PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(genuineBody).exchange().returnResult(Void.class).getStatus().value())
                .as("no signature at all").isEqualTo(401);

        assertThat(events(paymentId)).containsExactly("→CREATED ORDER_PLACED", "CREATED→AWAITING_PAYMENT CHANNEL_OPENED");
        assertThat(status(payer, paymentId)).isEqualTo("AWAITING_PAYMENT");
        assertThat(payment(payer, paymentId).get("underReview").asBoolean()).isFalse();
        assertThat(itemStates(paymentId)).containsExactly("OPEN");
        assertThat(count("select count(*) from payment_notification where not genuine") - forgedBefore)
                .as("each forgery is recorded as such").isEqualTo(4);
        assertThat(forgedFor("签名无效") - badSignatureBefore).as("why, in the records' language").isEqualTo(3);
        assertThat(forgedFor("缺少签名头") - unsignedBefore).isEqualTo(1);

        // The same payment, genuinely signed, is accepted: only the signatures kept the forgeries out.
        assertThat(deliver(sandbox.sign(genuineBody))).isEqualTo(200);
        assertThat(status(payer, paymentId)).isEqualTo("PAID");
    }

    @Test
    void aPaymentOfAnotherAmountIsAcknowledgedButChangesNothingAndFlagsTheOrder() {
        Payer payer = freshPayer("岳不群");
        String paymentId = placeSelfOrder(payer);
        String orderNo = orderNo(payer, paymentId);

        assertThat(deliver(sandbox.sign(SandboxNotifications.paid(orderNo, "SB20231015deadbeef00000001",
                WENSHUI_ADULT_2024_FEN - 1)))).isEqualTo(200);

        assertThat(events(paymentId)).containsExactly("→CREATED ORDER_PLACED", "CREATED→AWAITING_PAYMENT CHANNEL_OPENED");
        assertThat(status(payer, paymentId)).isEqualTo("AWAITING_PAYMENT");
        assertThat(itemStates(paymentId)).containsExactly("OPEN");
        assertThat(text("select review_reason from payment_order where id = $1", UUID.fromString(paymentId)))
                .startsWith("金额不符").contains("37999").contains("38000");
        assertThat(payment(payer, paymentId).get("underReview").asBoolean()).isTrue();
        assertThat(payment(payer, paymentId).get("transactionId").isNull()).isTrue();
    }

    @Test
    void aSecondPaidNotificationWithAnotherTransactionIdIsAcknowledgedChangesNothingAndFlagsTheOrder() {
        Payer payer = freshPayer("林平之");
        String paymentId = placeSelfOrder(payer);
        String orderNo = orderNo(payer, paymentId);
        String transaction = payAtSandbox(orderNo, "NONE");
        assertThat(deliver(sandbox.sign(SandboxNotifications.paid(orderNo, transaction, WENSHUI_ADULT_2024_FEN))))
                .isEqualTo(200);
        assertThat(payment(payer, paymentId).get("underReview").asBoolean()).isFalse();

        // The same order paid a second time at the channel: money came in twice, under two transaction ids.
        assertThat(deliver(sandbox.sign(SandboxNotifications.paid(orderNo, "SB20231015deadbeef00000009",
                WENSHUI_ADULT_2024_FEN)))).isEqualTo(200);

        assertThat(eventsTo(paymentId, "PAID")).isEqualTo(1);
        assertThat(status(payer, paymentId)).isEqualTo("PAID");
        assertThat(payment(payer, paymentId).get("transactionId").asString()).as("the first payment stands")
                .isEqualTo(transaction);
        assertThat(itemStates(paymentId)).containsExactly("PAID");
        assertThat(text("select review_reason from payment_order where id = $1", UUID.fromString(paymentId)))
                .startsWith("交易号不符").contains(transaction).contains("SB20231015deadbeef00000009");
        assertThat(payment(payer, paymentId).get("underReview").asBoolean()).isTrue();
        assertThat(count("select count(*) from payment_notification where order_no = $1 and outcome = 'FLAGGED'",
                orderNo)).isEqualTo(1);
    }

    @Test
    void aPaymentForAnotherMerchantIsAcknowledgedButChangesNothingAndFlagsTheOrder() {
        Payer payer = freshPayer("左冷禅");
        String paymentId = placeSelfOrder(payer);
        String orderNo = orderNo(payer, paymentId);

        assertThat(deliver(sandbox.sign(SandboxNotifications.payment("SANDBOX-MCH-0666", orderNo,
                "SB20231015deadbeef00000002", WENSHUI_ADULT_2024_FEN, "PAID")))).isEqualTo(200);

        assertThat(events(paymentId)).containsExactly("→CREATED ORDER_PLACED", "CREATED→AWAITING_PAYMENT CHANNEL_OPENED");
        assertThat(status(payer, paymentId)).isEqualTo("AWAITING_PAYMENT");
        assertThat(itemStates(paymentId)).containsExactly("OPEN");
        assertThat(text("select review_reason from payment_order where id = $1", UUID.fromString(paymentId)))
                .startsWith("商户号不符").contains("SANDBOX-MCH-0666");
        assertThat(payment(payer, paymentId).get("underReview").asBoolean()).isTrue();
    }

    private long forgedFor(String reason) {
        return count("select count(*) from payment_notification where not genuine and channel = 'SANDBOX' and detail = $1",
                reason);
    }

    @Test
    void aChannelThatDoesNotExistOrIsNotEnabledIsNotFoundSaidInTheCallersLanguage() {
        for (String language : new String[] {"zh-CN", "en"}) {
            boolean english = language.equals("en");
            portal.post().uri("/api/v1/payments/notify/NO_SUCH_CHANNEL").header("Accept-Language", language)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.field").isEqualTo("channel")
                    .jsonPath("$.detail").isEqualTo(english ? "There is no such payment channel." : "没有这个支付渠道。");
            portal.post().uri("/api/v1/payments/notify/ALIPAY").header("Accept-Language", language)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("sign=x").exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.detail")
                    .isEqualTo(english ? "This payment channel is not enabled." : "该支付渠道未开通。");
        }
    }

    @Test
    void aNotificationSignedMoreThanFiveMinutesAgoOrAheadIsRefused() {
        Payer payer = freshPayer("任我行");
        String paymentId = placeSelfOrder(payer);
        String orderNo = orderNo(payer, paymentId);
        String body = SandboxNotifications.paid(orderNo, payAtSandbox(orderNo, "NONE"), WENSHUI_ADULT_2024_FEN);

        assertThat(deliver(sandbox.sign(body, Instant.now().minus(Duration.ofMinutes(6))))).as("stale").isEqualTo(401);
        assertThat(deliver(sandbox.sign(body, Instant.now().plus(Duration.ofMinutes(6))))).as("ahead").isEqualTo(401);
        assertThat(events(paymentId)).containsExactly("→CREATED ORDER_PLACED", "CREATED→AWAITING_PAYMENT CHANNEL_OPENED");
        assertThat(status(payer, paymentId)).isEqualTo("AWAITING_PAYMENT");

        assertThat(deliver(sandbox.sign(body, Instant.now().minus(Duration.ofMinutes(4))))).as("inside the window")
                .isEqualTo(200);
        assertThat(status(payer, paymentId)).isEqualTo("PAID");
    }
}
