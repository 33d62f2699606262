package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Issue #16, item 1 (and 9): {@code POST /api/v1/payments} takes money only for a published exact local amount on a
 * day the documents open for paying. A floor (闽医保〔2023〕78号 一 "不低于380"), an average (鲁医保发〔2023〕36号 一
 * "人均380"), or an exact figure without a published collection window (威医保发〔2023〕38号, 辽医保发〔2023〕11号) is
 * refused with a Chinese problem detail saying so, and nothing is created.
 */
class OnlyExactAmountsArePaidIT extends PaymentsOverHttp {

    @ParameterizedTest(name = "{0} {1}: 2024 order refused ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            350100 | 闽医保〔2023〕78号   | 不低于
            370200 | 鲁医保发〔2023〕36号 | 人均
            371000 | 威医保发〔2023〕38号 | 集中征缴期
            210100 | 辽医保发〔2023〕11号 | 集中征缴期
            """)
    void anAmountThatIsNotAPublishedExactFigureForTheDayIsRefusedAndNothingIsCreated(String region, String document,
                                                                                    String why) {
        Payer payer = freshPayerIn(region, "单" + region.substring(0, 3));

        JsonNode refused = create(payer, newKey(), SELF_2024, 422);

        assertThat(refused.get("detail").asString()).contains(why, "请通过参保地");
        assertThat(refused.get("field").asString()).isEqualTo("year");
        byte[] orders = portal.get().uri("/api/v1/payments").header(HttpHeaders.AUTHORIZATION, "Bearer " + payer.token())
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        assertThat(JSON.readTree(orders)).as("no order").isEmpty();
        assertThat(count("select count(*) from payment_idempotency_key k join resident r on r.id = k.payer_id "
                + "where r.psn_no = 'T" + payer.certno() + "'")).as("no idempotency key").isZero();
    }
}
