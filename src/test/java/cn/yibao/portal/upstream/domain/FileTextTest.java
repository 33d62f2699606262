package cn.yibao.portal.upstream.domain;

import static org.assertj.core.api.Assertions.assertThat;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RealBundles;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Batch files are UTF-8 with or without a byte-order mark; anything else is refused with what to do about it. */
class FileTextTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void utf8WithoutAMarkIsReadAsIs() {
        FileText.Decoded decoded = FileText.decode("certno,name\n1,刘桂芳\n".getBytes(StandardCharsets.UTF_8));

        assertThat(decoded).isEqualTo(new FileText.Text("certno,name\n1,刘桂芳\n", false));
    }

    @Test
    void theByteOrderMarkExcelWritesIsDroppedSoTheFirstHeaderIsNotPolluted() {
        byte[] body = "certno,name\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(body, 0, withBom, BOM.length, body.length);

        assertThat(FileText.decode(withBom)).isEqualTo(new FileText.Text("certno,name\n", true));
    }

    @Test
    void gbkFromAnOldExportIsRefusedNamingTheLineAndTheFix() {
        byte[] gbk = "certno,name\n141121196004152121,刘桂芳\n".getBytes(Charset.forName("GBK"));

        FileText.Decoded decoded = FileText.decode(gbk);

        assertThat(decoded).isInstanceOfSatisfying(FileText.Unreadable.class, unreadable ->
                assertThat(RealBundles.zh(unreadable.reason())).contains("不是有效的 UTF-8", "第 2 行", "GBK", "另存为 UTF-8"));
    }

    @Test
    void truncatedUtf8IsRefused() {
        byte[] broken = {'a', ',', (byte) 0xE5, (byte) 0x88};

        assertThat(FileText.decode(broken)).isInstanceOf(FileText.Unreadable.class);
    }

    @Test
    void utf16IsRefusedEvenThoughItIsUnicode() {
        byte[] utf16 = "certno".getBytes(StandardCharsets.UTF_16);

        assertThat(FileText.decode(utf16)).isInstanceOfSatisfying(FileText.Unreadable.class, unreadable ->
                assertThat(RealBundles.zh(unreadable.reason())).contains("UTF-16"));
    }

    @Test
    void anEmptyOrBlankFileIsRefused() {
        assertThat(FileText.decode(new byte[0])).isEqualTo(new FileText.Unreadable(Phrase.of("upstream.problem.file.empty")));
        assertThat(FileText.decode(BOM)).isEqualTo(new FileText.Unreadable(Phrase.of("upstream.problem.file.empty")));
        assertThat(RealBundles.zh(Phrase.of("upstream.problem.file.empty"))).isEqualTo("文件是空的。");
        assertThat(FileText.decode(" \r\n\n".getBytes(StandardCharsets.UTF_8))).isInstanceOf(FileText.Unreadable.class);
    }

    @Test
    void binaryContentIsRefused() {
        assertThat(FileText.decode(new byte[] {'P', 'K', 3, 4, 0, 0})).isInstanceOfSatisfying(FileText.Unreadable.class,
                unreadable -> assertThat(RealBundles.zh(unreadable.reason())).contains("二进制"));
    }

    @Test
    void theLineLimitCountsOnlyLinesThatHoldSomething() {
        assertThat(FileText.nonBlankLines("a\n\n  \nb\r\nc")).isEqualTo(3);
        assertThat(FileText.nonBlankLines("a\n")).isEqualTo(1);
    }
}
