package cn.yibao.portal.assist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RealBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The codes the start of an assisted session leaves in the audit trail read in both languages. */
class AssistAuditNotesTest {

    @Test
    void everyNoteTheSessionsWriteIsListedAndReadsInBothLanguages() throws IOException {
        String source = Files.readString(Path.of("src/main/java/cn/yibao/portal/assist/AssistSessions.java"));
        var written = Pattern.compile("\"(assist\\.audit\\.[A-Za-z.]+)\"").matcher(source).results()
                .map(match -> match.group(1)).distinct().toList();

        assertThat(written).containsExactlyInAnyOrderElementsOf(AssistSessions.AUDIT_NOTES);
        for (String note : AssistSessions.AUDIT_NOTES) {
            assertThat(RealBundles.zh(Phrase.of(note))).as(note).isNotEqualTo(note).containsPattern("\\p{IsHan}");
            assertThat(RealBundles.en(Phrase.of(note))).as(note).isNotEqualTo(note).doesNotContainPattern("\\p{IsHan}");
        }
    }
}
