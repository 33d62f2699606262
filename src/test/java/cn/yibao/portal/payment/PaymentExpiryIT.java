package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * An order can be paid for {@code portal.payment.order-lifetime} (30 minutes): the portal tells the channel so when
 * it opens the order, and the channel holds to it on its own — as WeChat Pay and Alipay do with {@code time_expire}
 * — whether or not the portal's sweeper has closed the order yet. Afterwards the sweeper closes it, and it is never
 * paid.
 */
class PaymentExpiryIT extends PaymentsOverHttp {

    @Value("${portal.payment.order-lifetime}")
    Duration orderLifetime;

    @Autowired
    PaymentSweeper sweeper;

    @Test
    void anOrderExpiresThirtyMinutesAfterItIsPlacedAndTheSandboxRefusesToTakePaymentAfterwards()
            throws InterruptedException {
        Payer payer = freshPayer("尹志平");
        JsonNode created = create(payer, newKey(), SELF_2024, 201);
        String paymentId = created.get("paymentId").asString();
        JsonNode detail = payment(payer, paymentId);
        assertThat(orderLifetime).isEqualTo(Duration.ofMinutes(30));
        assertThat(Duration.between(Instant.parse(detail.get("createdAt").asString()),
                Instant.parse(created.get("expiresAt").asString()))).isEqualTo(orderLifetime);
        assertThat(detail.get("expiresAt").asString()).isEqualTo(created.get("expiresAt").asString());
        String orderNo = detail.get("orderNo").asString();

        // Forty minutes pass for the channel; the portal's sweeper has not looked at the order yet.
        execute("update sandbox_payment set created_at = created_at - interval '40 minutes', "
                + "expires_at = expires_at - interval '40 minutes' where order_no = $1", orderNo);

        portal.post().uri("/sandbox-pay/api/orders/" + orderNo + "/pay").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"notification\":\"ONCE\"}").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(text -> assertThat((String) text).contains("超过支付时限"));
        String cashier = portal.get().uri("/sandbox-pay/cashier/" + orderNo).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(cashier).contains("id=\"cashier-expired\"", "超过支付时限").doesNotContain("id=\"cashier-pay\"");
        String refused = portal.post().uri("/sandbox-pay/cashier/" + orderNo + "/pay")
                .body(BodyInserters.fromFormData("notify", "ONCE")).exchange()
                .expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).contains("id=\"cashier-error\"", "超过支付时限");
        portal.post().uri("/sandbox-pay/api/orders/" + orderNo + "/pay?lang=en").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"notification\":\"ONCE\"}").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(text -> assertThat((String) text).contains("time limit"));
        assertThat(text("select status from sandbox_payment where order_no = $1", orderNo)).isEqualTo("PENDING");
        assertThat(status(payer, paymentId)).isEqualTo("AWAITING_PAYMENT");

        // Then the portal's sweeper comes round: it closes the order at the channel and here.
        execute("update payment_order set created_at = created_at - interval '40 minutes', "
                + "expires_at = expires_at - interval '40 minutes' where id = $1", UUID.fromString(paymentId));
        sweeper.sweep().block(Duration.ofSeconds(60));

        waitForStatus(payer, paymentId, "CLOSED", Duration.ofSeconds(15));
        assertThat(text("select status from sandbox_payment where order_no = $1", orderNo)).isEqualTo("CLOSED");
        assertThat(eventsTo(paymentId, "PAID")).as("never paid").isZero();
        assertThat(count("select count(*) from sandbox_notification where order_no = $1", orderNo)).isZero();
    }
}
