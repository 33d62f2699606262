package cn.yibao.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WholeTokensTest {

    @Test
    void eachDateOfARangeIsKeptWholeAndTheWordsBetweenStayBreakable() {
        assertThat(WholeTokens.html("2023-09-01 至 2023-12-25"))
                .isEqualTo("<span class=\"num\">2023-09-01</span> 至 <span class=\"num\">2023-12-25</span>");
        assertThat(WholeTokens.html("2023-09-01 to 2023-12-25"))
                .isEqualTo("<span class=\"num\">2023-09-01</span> to <span class=\"num\">2023-12-25</span>");
    }

    @Test
    void aDateWithItsTimeAMaskedIdAndAnAmountWithItsUnitAreEachOneToken() {
        assertThat(WholeTokens.html("沙箱业务日期：2023-10-15"))
                .isEqualTo("沙箱业务日期：<span class=\"num\">2023-10-15</span>");
        assertThat(WholeTokens.html("有效期至 2023-10-16 10:00"))
                .isEqualTo("有效期至 <span class=\"num\">2023-10-16 10:00</span>");
        assertThat(WholeTokens.html("王** 141***********121X 邀请您"))
                .isEqualTo("王** <span class=\"num\">141***********121X</span> 邀请您");
        assertThat(WholeTokens.html("基金约支付 5000 至 7,000.50 元"))
                .isEqualTo("基金约支付 5000 至 <span class=\"num\">7,000.50 元</span>");
    }

    @Test
    void everythingElseIsEscapedTextUnchanged() {
        assertThat(WholeTokens.html("<b>张三</b> & \"李四\" '王五'"))
                .isEqualTo("&lt;b&gt;张三&lt;/b&gt; &amp; &quot;李四&quot; &#39;王五&#39;");
        assertThat(WholeTokens.html("已参保缴费")).isEqualTo("已参保缴费");
        assertThat(WholeTokens.html(null)).isEmpty();
    }

    @Test
    void aTokenThatLooksLikeADateInsideMarkupIsEscapedFirstNeverTakenForMarkup() {
        assertThat(WholeTokens.html("<2023-10-15>"))
                .isEqualTo("&lt;<span class=\"num\">2023-10-15</span>&gt;");
    }

    @Test
    void aMarkedNameOrDocumentReferenceIsPrintedInsideLangZhCnAndItsTokensStayWhole() {
        String sentence = "Qualified on 2023-06-01 at " + WholeTokens.zh("文水县人民医院") + " for " + WholeTokens.zh("王*");
        assertThat(WholeTokens.html(sentence)).isEqualTo("Qualified on <span class=\"num\">2023-06-01</span> at "
                + "<span lang=\"zh-CN\">文水县人民医院</span> for <span lang=\"zh-CN\">王*</span>");
        assertThat(WholeTokens.html(WholeTokens.zh("医保发〔2022〕20号 2023-01-01")))
                .isEqualTo("<span lang=\"zh-CN\">医保发〔2022〕20号 <span class=\"num\">2023-01-01</span></span>");
    }

    @Test
    void aMarkIsOnlyWhereChineseIsAndNeverMarkupOfItsOwn() {
        assertThat(WholeTokens.zh("Smith")).isEqualTo("Smith");
        assertThat(WholeTokens.zh(null)).isEmpty();
        assertThat(WholeTokens.html(WholeTokens.zh("<i>张</i>"))).isEqualTo("<span lang=\"zh-CN\">&lt;i&gt;张&lt;/i&gt;</span>");
        // Marks typed in by someone else (a reason, a file name) are dropped, never left open.
        assertThat(WholeTokens.html("a\uE000b")).isEqualTo("ab");
        assertThat(WholeTokens.html(WholeTokens.zh("张\uE001三"))).isEqualTo("<span lang=\"zh-CN\">张三</span>");
    }
}
