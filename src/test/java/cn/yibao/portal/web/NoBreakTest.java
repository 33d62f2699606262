package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoBreakTest {

    @Test
    void datesAreKeptWholeAndEverythingElseIsEscaped() {
        assertThat(NoBreak.keepDatesWhole("应缴 380 元，2023-12-25 前缴纳"))
                .isEqualTo("应缴 380 元，<span class=\"nowrap\">2023-12-25</span> 前缴纳");
        assertThat(NoBreak.keepDatesWhole("<b>2023-10-15 10:05</b>"))
                .isEqualTo("&lt;b&gt;<span class=\"nowrap\">2023-10-15 10:05</span>&lt;/b&gt;");
        assertThat(NoBreak.keepDatesWhole(null)).isEmpty();
    }

    @Test
    void aTextIsCutIntoPiecesWithEachDateApart() {
        assertThat(new NoBreak().pieces("应缴 380 元，2023-12-25 前缴纳")).containsExactly(
                new NoBreak.Piece("应缴 380 元，", false), new NoBreak.Piece("2023-12-25", true),
                new NoBreak.Piece(" 前缴纳", false));
        assertThat(new NoBreak().pieces("2023-10-15 10:05")).containsExactly(new NoBreak.Piece("2023-10-15 10:05", true));
        assertThat(new NoBreak().pieces(null)).isEmpty();
    }
}
