package cn.yibao.portal.upstream;

import cn.yibao.portal.upstream.domain.SaidProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.upstream.domain.ImportKind;
import cn.yibao.portal.upstream.domain.JsonLinesFile;
import cn.yibao.portal.upstream.domain.LineProblem;
import cn.yibao.portal.upstream.domain.ParsedFile;
import cn.yibao.portal.upstream.domain.RawLine;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON Lines: one flat object per line; numbers and booleans keep their JSON text for the field rules. */
class JsonLinesTest {

    private static ParsedFile parse(String text) {
        return JsonLinesFile.parse(text, ImportKind.CONTRIBUTIONS, FlatJson::fields);
    }

    @Test
    void eachLineIsAnObjectWhoseValuesKeepTheirJsonText() {
        ParsedFile file = parse("{\"recordNo\": \"SW1\", \"benefitYear\": 2024, \"amountFen\": 38000, \"name\": \"王建国\"}\r\n"
                + "\n"
                + "{\"recordNo\":\"SW2\",\"collector\":null,\"name\":\"\\u738b\\\"\\n\"}\n");

        assertThat(file.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(file.records()).isEqualTo(2);
        assertThat(file.lines()).containsExactly(
                new RawLine(1, Map.of("recordNo", "SW1", "benefitYear", "2024", "amountFen", "38000", "name", "王建国")),
                new RawLine(3, Map.of("recordNo", "SW2", "name", "王\"\n")));
    }

    @Test
    void booleansAndDecimalsArePassedOnAsWritten() throws Exception {
        assertThat(FlatJson.fields("{\"a\": true, \"b\": false, \"c\": -1.5e3, \"d\": 0}"))
                .containsExactly(Map.entry("a", "true"), Map.entry("b", "false"), Map.entry("c", "-1.5e3"),
                        Map.entry("d", "0"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not an object | [1, 2] | 应以 { 开始",
            "nested object | {\"recordNo\": {\"a\": 1}} | 不能是对象或数组",
            "array value | {\"recordNo\": [1]} | 不能是对象或数组",
            "a key twice | {\"recordNo\": \"a\", \"recordNo\": \"b\"} | 出现了两次",
            "unquoted key | {recordNo: \"a\"} | 第 2 个字符处不符合 JSON 语法",
            "single quotes | {\"recordNo\": 'a'} | 第 14 个字符处不符合 JSON 语法",
            "missing comma | {\"recordNo\": \"a\" \"name\": \"b\"} | 第 18 个字符处不符合 JSON 语法",
            "trailing comma | {\"recordNo\": \"a\",} | 第 18 个字符处不符合 JSON 语法",
            "comment | {\"recordNo\": \"a\"} // x | 多余内容",
            "leading zero | {\"amountFen\": 012} | 不符合 JSON 语法",
            "two objects | {\"recordNo\": \"a\"} {} | 多余内容",
            "unterminated string | {\"recordNo\": \"a} | 结束之前就结束了",
            "bad escape | {\"recordNo\": \"a\\x\"} | 第 17 个字符处不符合 JSON 语法",
            "bad number | {\"amountFen\": 12.} | 第 17 个字符处不符合 JSON 语法",
            "truncated | {\"recordNo\": \"a\", | 结束之前就结束了"})
    void aLineThatIsNotAFlatJsonObjectIsAProblemOnItsLine(String why, String line, String reason) {
        ParsedFile file = parse("{\"recordNo\": \"ok\"}\n" + line + "\n");

        assertThat(file.problems().stream().map(SaidProblem::of).toList()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.field()).isNull();
            assertThat(problem.reason()).startsWith("不是有效的 JSON 对象：").contains(reason);
        });
        assertThat(file.records()).isEqualTo(2);
    }

    @Test
    void anUnknownFieldIsNamedSoThatATypoIsNotSilentlyIgnored() {
        ParsedFile file = parse("{\"recordNo\": \"SW1\", \"amount\": 38000}\n");

        assertThat(file.lines()).isEmpty();
        assertThat(file.problems().stream().map(SaidProblem::of).toList()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.field()).isEqualTo("amount");
            assertThat(problem.reason()).startsWith("未知字段");
        });
    }

    @Test
    void aFileOfBlankLinesHasNoRecords() {
        assertThat(parse("\n\n").problems().stream().map(SaidProblem::of).toList()).extracting(SaidProblem::reason).containsExactly("文件中没有数据行。");
    }
}
