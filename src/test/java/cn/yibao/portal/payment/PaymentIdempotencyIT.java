package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Idempotency keys are kept 24 hours (as Stripe does): within them the same key answers the same order, or 409 for
 * another request; after them the key is forgotten, so the same key is a new request like any other, and the
 * sweeper purges expired keys. Keys are aged by moving their times back in the database.
 */
class PaymentIdempotencyIT extends PaymentsOverHttp {

    @Autowired
    PaymentSweeper sweeper;

    private void ageKey(String key, String interval) {
        execute("update payment_idempotency_key set created_at = created_at - cast($1 as interval), "
                + "expires_at = expires_at - cast($1 as interval) where key = $2", interval, key);
    }

    private long keys(String key) {
        return count("select count(*) from payment_idempotency_key where key = $1", key);
    }

    /** The payer gives up at the sandbox's cashier: the order closes and the person is free to order again. */
    private void cancelAtSandbox(Payer payer, String paymentId) throws InterruptedException {
        portal.post().uri("/sandbox-pay/cashier/" + orderNo(payer, paymentId) + "/cancel")
                .body(BodyInserters.fromFormData("confirm", "1")).exchange().expectStatus().isSeeOther();
        waitForStatus(payer, paymentId, "CLOSED", Duration.ofSeconds(30));
    }

    @Test
    void afterTwentyFourHoursTheSameKeyIsANewRequestWithWhateverBodyItCarries() throws InterruptedException {
        Payer payer = freshPayer("石秀");
        Payer wife = freshPayer("石秀妻");
        String wifeId = bindAsFamily(payer, wife);
        String both = "{\"year\":2024,\"insured\":[\"SELF\",\"" + wifeId + "\"],\"channel\":\"SANDBOX\"}";
        String key = newKey();
        String first = create(payer, key, SELF_2024, 201).get("paymentId").asString();
        cancelAtSandbox(payer, first);

        assertThat(create(payer, key, SELF_2024, 200).get("paymentId").asString()).as("within 24 h: the same order")
                .isEqualTo(first);
        create(payer, key, both, 409);

        ageKey(key, "24 hours 1 second");

        String second = create(payer, key, both, 201).get("paymentId").asString();
        assertThat(second).as("after 24 h: a new request").isNotEqualTo(first);
        assertThat(create(payer, key, both, 200).get("paymentId").asString()).as("the key now names the new order")
                .isEqualTo(second);
        create(payer, key, SELF_2024, 409);
        assertThat(keys(key)).isEqualTo(1);
    }

    @Test
    void justBeforeTwentyFourHoursTheKeyStillAnswersItsOrder() {
        Payer payer = freshPayer("杨雄");
        String key = newKey();
        String first = create(payer, key, SELF_2024, 201).get("paymentId").asString();

        ageKey(key, "23 hours 59 minutes");

        assertThat(create(payer, key, SELF_2024, 200).get("paymentId").asString()).isEqualTo(first);
    }

    @Test
    void theSweeperPurgesExpiredKeysAndKeepsTheOthers() {
        Payer payer = freshPayer("时迁");
        String expired = newKey();
        String fresh = newKey();
        String paymentId = create(payer, expired, SELF_2024, 201).get("paymentId").asString();
        assertThat(create(payer, fresh, SELF_2024, 409).get("detail").asString()).as("the person is in an open order")
                .isNotBlank();
        // A second key of the payer's, for the same order (as a retry with a new key would have left, had it won).
        execute("insert into payment_idempotency_key (payer_id, key, request_hash, order_id, created_at, expires_at) "
                + "select payer_id, $1, request_hash, order_id, created_at, expires_at from payment_idempotency_key "
                + "where key = $2", fresh, expired);
        ageKey(expired, "25 hours");

        sweeper.sweep().block(Duration.ofSeconds(60));

        assertThat(keys(expired)).as("purged").isZero();
        assertThat(keys(fresh)).as("kept").isEqualTo(1);
        assertThat(count("select count(*) from payment_order where id = $1", UUID.fromString(paymentId)))
                .as("the order itself stays").isEqualTo(1);
    }
}
