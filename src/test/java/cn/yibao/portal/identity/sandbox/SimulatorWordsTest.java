package cn.yibao.portal.identity.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every word the simulated platform says is in its words file, in Chinese, with its arguments put in. */
class SimulatorWordsTest {

    @Test
    void everyKeyTheSimulatorSaysHasWords() throws IOException {
        String source = Files.readString(Path.of("src/main/java/cn/yibao/portal/identity/sandbox/MipSimulator.java"));
        var keys = Pattern.compile("say\\(\"([A-Za-z.]+)\"").matcher(source).results().map(m -> m.group(1)).toList();

        assertThat(keys).hasSizeGreaterThan(30);
        for (String key : keys) {
            assertThat(SimulatorWords.say(key, "甲", "乙")).as(key).containsPattern("\\p{IsHan}");
        }
    }

    @Test
    void argumentsGoInAsWritten() {
        assertThat(SimulatorWords.say("choices.family.person", "刘建国", "刘小军")).isEqualTo("刘建国 为 刘小军 授权");
        assertThat(SimulatorWords.say("request.bizType", "04107")).isEqualTo("业务类型 bizType 应为 04107");
    }

    @Test
    void anUnknownKeyIsAnError() {
        assertThatThrownBy(() -> SimulatorWords.say("no.such.key")).hasMessageContaining("no.such.key");
    }
}
