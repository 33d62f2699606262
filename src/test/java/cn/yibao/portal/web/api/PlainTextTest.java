package cn.yibao.portal.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.text.RealBundles;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text from a caller: plain characters, within its field's length, or a Chinese refusal naming the field. */
class PlainTextTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("随子女异地居住", null),
                Arguments.of(null, null),
                Arguments.of("", null),
                Arguments.of("两行\n文字\r\n和\t制表符", null),
                Arguments.of("生僻字𠀀也算一个字", null),
                Arguments.of("x".repeat(20), null),
                Arguments.of("x".repeat(21), "不能超过 20 个字符"),
                Arguments.of("𠀀".repeat(20), null),
                Arguments.of("探亲\u0000期间", "控制字符"),
                Arguments.of("\u0007", "控制字符"),
                Arguments.of("a\u007fb", "控制字符"),
                Arguments.of("a\u0085b", "控制字符"),
                Arguments.of("a\ud800b", "无效的字符编码"),
                Arguments.of("\udc00", "无效的字符编码"));
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @MethodSource("texts")
    void textIsPlainAndShortEnoughOrRefusedNamingTheField(String text, String refusal) {
        if (refusal == null) {
            assertThat(PlainText.check("reason", text, 20)).isEmpty();
        } else {
            assertThat(PlainText.check("reason", text, 20)).hasValueSatisfying(problem ->
                    assertThat(RealBundles.zh(problem)).startsWith("reason ").contains(refusal));
        }
    }
}
