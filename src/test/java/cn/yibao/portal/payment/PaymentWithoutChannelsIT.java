package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * An installation with no online payment channel configured (production before WeChat Pay or Alipay is set up): the
 * payment page says plainly that online payment is not offered and where to pay instead, and the API says the same —
 * never an empty choice of 支付方式 or "可选：[]".
 */
@TestPropertySource(properties = {"portal.payment.sandbox.enabled=false",
        "portal.embedded-db.ephemeral-name=no-payment-channel"})
class PaymentWithoutChannelsIT extends PortalIntegrationTest {

    @Test
    void thePaymentPageSaysOnlinePaymentIsNotOfferedAndWhereToPay() {
        BrowserSession browser = signIn.as("no-channel-" + UUID.randomUUID(), FreshResidents.adultIn("141121", "祝英台"));

        String page = browser.page("/payment/new?year=2024");

        assertThat(page).contains("暂未开通网上缴费", "医保经办", "税务").doesNotContain("id=\"payment-next\"")
                .doesNotContain("name=\"channel\"");
    }

    @Test
    void theApiSaysTheSameAndStoresNothing() {
        String token = signIn.accessToken("no-channel-" + UUID.randomUUID(), FreshResidents.adultIn("141121", "马文才"));
        long orders = count("select count(*) from payment_order");

        String problem = portal.post().uri("/api/v1/payments").headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"year\": 2024, \"insured\": [\"SELF\"]}")
                .exchange().expectStatus().isEqualTo(422)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(problem).contains("暂未开通网上缴费", "\"field\":\"channel\"").doesNotContain("[]");
        assertThat(count("select count(*) from payment_order")).isEqualTo(orders);
    }
}
