package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.text.Phrases;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A JSON body read strictly into its record: each field already of its type, plain text, or refused naming it. */
class JsonBodiesTest {

    @JsonBody(route = "POST /test", example = "{\"year\": 2024, \"insured\": [\"SELF\"], \"channel\": \"SANDBOX\"}")
    record Order(Integer year, List<String> insured, String channel, Long amountFen, Boolean commitment) {
    }

    private static final Phrases PHRASES = new Phrases(bundles());

    private static MessageSource bundles() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename("messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return bundles;
    }

    private static JsonBodies.Read<Order> read(String json) {
        return JsonBodies.parse(json.getBytes(StandardCharsets.UTF_8), Order.class);
    }

    @Test
    void aWellFormedBodyBecomesItsRecordAndMissingFieldsAreNull() {
        assertThat(read("{\"year\": 2024, \"insured\": [\"SELF\", \"b1\"], \"amountFen\": 9007199254740993, "
                + "\"commitment\": true, \"unknown\": 1}"))
                .isEqualTo(new JsonBodies.Body<>(new Order(2024, List.of("SELF", "b1"), null, 9007199254740993L, true)));
        assertThat(read("{\"channel\": null}")).isEqualTo(new JsonBodies.Body<>(new Order(null, null, null, null, null)));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("{\"year\": 2024.5}", "year", "不能带小数"),
                Arguments.of("{\"year\": 2024.0}", "year", "不能带小数"),
                Arguments.of("{\"year\": 2.024e3}", "year", "不能带小数"),
                Arguments.of("{\"year\": \"2024\"}", "year", "应为整数"),
                Arguments.of("{\"year\": 2147483648}", "year", "超出"),
                Arguments.of("{\"amountFen\": 9223372036854775808}", "amountFen", "超出"),
                Arguments.of("{\"year\": " + "9".repeat(5000) + "}", "year", "无法读取"),
                Arguments.of("{\"insured\": [null]}", "insured", "第 1 项为空"),
                Arguments.of("{\"insured\": [\"SELF\", 123]}", "insured", "第 2 项 应为文本"),
                Arguments.of("{\"insured\": \"SELF\"}", "insured", "应为列表"),
                Arguments.of("{\"insured\": [\"SE\\u0000LF\"]}", "insured", "控制字符"),
                Arguments.of("{\"channel\": 123}", "channel", "应为文本"),
                Arguments.of("{\"channel\": {\"id\": \"SANDBOX\"}}", "channel", "应为文本"),
                Arguments.of("{\"channel\": \"SAND\\u0000BOX\"}", "channel", "控制字符"),
                Arguments.of("{\"channel\": \"" + "x".repeat(100_000) + "\"}", "channel", "不能超过"),
                Arguments.of("{\"commitment\": \"true\"}", "commitment", "true 或 false"),
                Arguments.of("{\"commitment\": 1}", "commitment", "true 或 false"),
                Arguments.of("", "body", "JSON 对象"),
                Arguments.of("[]", "body", "JSON 对象"),
                Arguments.of("{\"year\": 2024", "body", "JSON 对象"),
                Arguments.of("{\"year\": 2024} {\"year\": 2025}", "body", "JSON 对象"),
                Arguments.of("{\"year\": 2024, \"year\": 2025}", "year", "无法读取"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("refused")
    void anythingBentIsRefusedNamingTheField(String json, String field, String reason) {
        assertThat(read(json)).isInstanceOfSatisfying(JsonBodies.Refused.class, refused -> {
            assertThat(refused.field()).isEqualTo(field);
            assertThat(PHRASES.say(refused.detail(), Locale.SIMPLIFIED_CHINESE)).contains(reason);
            assertThat(PHRASES.say(refused.detail(), Locale.ENGLISH)).as("said in English too")
                    .contains(field).doesNotContainPattern("\\p{IsHan}");
        });
    }

    @Test
    void aListItemAtFaultIsNamedAsTheItemInEitherLanguage() {
        assertThat(read("{\"insured\": [\"SELF\", 123]}")).isInstanceOfSatisfying(JsonBodies.Refused.class, refused -> {
            assertThat(PHRASES.say(refused.detail(), Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("insured 的第 2 项 应为文本（加引号的字符串）。");
            assertThat(PHRASES.say(refused.detail(), Locale.ENGLISH))
                    .isEqualTo("item 2 of insured must be text (a quoted string).");
        });
    }
}
