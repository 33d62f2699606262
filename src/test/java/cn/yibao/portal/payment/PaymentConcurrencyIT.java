package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Exactly-once orders under real concurrency: 50 requests in flight at once over HTTP (a reactive fan-out, not a
 * loop), settled by the per-payer lock and the database's unique indexes, never by luck.
 */
class PaymentConcurrencyIT extends PaymentsOverHttp {

    private static final int REQUESTS = 50;

    record Answer(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    WebClient client;

    @BeforeEach
    void concurrentClient() {
        client = WebClient.create("http://localhost:" + port);
    }

    /** Sends all requests at once (up to 50 in flight) and collects every answer. */
    private List<Answer> fanOut(IntFunction<Request> request) {
        return Flux.range(0, REQUESTS)
                .flatMap(i -> {
                    Request r = request.apply(i);
                    return client.post().uri("/api/v1/payments")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + r.payer().token())
                            .header("Idempotency-Key", r.key())
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(r.body())
                            .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                                    .map(body -> new Answer(response.statusCode().value(), body)));
                }, REQUESTS)
                .collectList()
                .block(Duration.ofSeconds(120));
    }

    record Request(Payer payer, String key, String body) {
    }

    private UUID residentId(String paymentId) {
        return database.sql("select payer_id from payment_order where id = $1").bind(0, UUID.fromString(paymentId))
                .map(row -> row.get("payer_id", UUID.class)).one().block();
    }

    @Test
    void fiftyIdenticalRequestsAtOnceCreateOneOrder() {
        Payer payer = freshPayer("郭靖");
        String key = newKey();

        List<Answer> answers = fanOut(i -> new Request(payer, key, SELF_2024));

        assertThat(answers).hasSize(REQUESTS);
        assertThat(answers).as("no request fails").allSatisfy(answer ->
                assertThat(answer.status()).as(answer.body()).isIn(200, 201));
        assertThat(answers).filteredOn(answer -> answer.status() == 201).as("one creation, the rest are replays")
                .hasSize(1);
        List<String> paymentIds = answers.stream().map(answer -> answer.json().get("paymentId").asString()).distinct()
                .toList();
        assertThat(paymentIds).as("every answer names the same order").hasSize(1);
        String paymentId = paymentIds.get(0);
        assertThat(answers).as("every answer is the order as opened at the channel").allSatisfy(answer -> {
            JsonNode order = answer.json();
            assertThat(order.get("amountFen").asLong()).isEqualTo(WENSHUI_ADULT_2024_FEN);
            assertThat(order.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
            assertThat(order.get("payUrl").asString()).startsWith("/sandbox-pay/cashier/YB");
        });
        assertThat(answers.stream().map(answer -> answer.json().get("payUrl").asString()).distinct()).hasSize(1);

        UUID resident = residentId(paymentId);
        assertThat(count("select count(*) from payment_order where payer_id = $1", resident)).isEqualTo(1);
        assertThat(count("select count(*) from payment_item where insured_id = $1", resident)).isEqualTo(1);
        assertThat(count("select count(*) from payment_idempotency_key where payer_id = $1", resident)).isEqualTo(1);
        assertThat(events(paymentId)).as("opened at the channel once")
                .containsExactly("→CREATED ORDER_PLACED", "CREATED→AWAITING_PAYMENT CHANNEL_OPENED");
        assertThat(status(payer, paymentId)).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void fiftyRequestsWithDifferentKeysForTheSamePersonLeaveOneOpenOrder() {
        Payer payer = freshPayer("黄蓉");

        List<Answer> answers = fanOut(i -> new Request(payer, newKey(), SELF_2024));

        assertThat(answers).hasSize(REQUESTS);
        assertThat(answers).as("created or refused as a conflict, never an error")
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(201, 409));
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() == 409).hasSize(REQUESTS - 1)
                .allSatisfy(answer -> assertThat(answer.json().get("detail").asString()).isNotBlank());
        String paymentId = answers.stream().filter(answer -> answer.status() == 201).findFirst().orElseThrow()
                .json().get("paymentId").asString();

        UUID resident = residentId(paymentId);
        assertThat(count("select count(*) from payment_item where insured_id = $1 and benefit_year = 2024 "
                + "and state = 'OPEN'", resident)).isEqualTo(1);
        assertThat(count("select count(*) from payment_order where payer_id = $1", resident))
                .as("refused requests leave no orders behind").isEqualTo(1);
    }

    @Test
    void twoPayersRacingForTheSamePersonLeaveOneOpenOrder() {
        // 王语嫣 pays for herself while 段誉, to whose family she is bound, pays for her: the per-payer lock does not
        // separate them, the database's "one open item per person and year" must.
        Payer duan = freshPayer("段誉");
        Payer wang = freshPayer("王语嫣");
        String memberId = bindAsFamily(duan, wang);
        String forMember = "{\"year\":2024,\"insured\":[\"" + memberId + "\"],\"channel\":\"SANDBOX\"}";

        List<Answer> answers = fanOut(i -> i % 2 == 0 ? new Request(duan, newKey(), forMember)
                : new Request(wang, newKey(), SELF_2024));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(201, 409));
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(count("select count(*) from payment_item where insured_id = $1 and benefit_year = 2024 "
                + "and state = 'OPEN'", UUID.fromString(memberId))).isEqualTo(1);
        assertThat(count("select count(*) from payment_item where insured_id = $1", UUID.fromString(memberId)))
                .isEqualTo(1);
    }

    @Test
    void aPersonPaidForTheYearCannotBeChargedAgain() throws InterruptedException {
        Payer payer = freshPayer("杨过");
        String paymentId = placeSelfOrder(payer);
        payAtSandbox(orderNo(payer, paymentId), "ONCE");
        waitForStatus(payer, paymentId, "PAID", Duration.ofSeconds(30));

        JsonNode refused = create(payer, newKey(), SELF_2024, 409);
        assertThat(refused.get("detail").asString()).contains("已缴费");

        List<Answer> answers = fanOut(i -> new Request(payer, newKey(), SELF_2024));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(409));
        UUID resident = residentId(paymentId);
        assertThat(count("select count(*) from payment_order where payer_id = $1", resident)).isEqualTo(1);
        assertThat(count("select count(*) from payment_item where insured_id = $1 and state = 'PAID'", resident))
                .isEqualTo(1);
        create(payer, newKey(), "{\"year\":2025,\"insured\":[\"SELF\"],\"channel\":\"SANDBOX\"}", 422);
    }
}
