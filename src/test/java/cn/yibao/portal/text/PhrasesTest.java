package cn.yibao.portal.text;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class PhrasesTest {

    private final StaticMessageSource bundle = new StaticMessageSource();
    private final Phrases phrases = new Phrases(bundle);

    PhrasesTest() {
        bundle.addMessage("due", Locale.SIMPLIFIED_CHINESE, "{0}年度{1}应缴 {2} 元（截至 {3}）");
        bundle.addMessage("due", Locale.ENGLISH, "{1} owes CNY {2} for {0} (by {3})");
        bundle.addMessage("relation.child", Locale.SIMPLIFIED_CHINESE, "子女");
        bundle.addMessage("relation.child", Locale.ENGLISH, "your child");
    }

    @Test
    void aPhraseIsSaidInTheReadersLanguageWithNestedLabelsSaidTheSameWay() {
        Phrase due = Phrase.of("due", 2024, Phrase.of("relation.child"), new BigDecimal("380.00"),
                LocalDate.of(2023, 12, 31));

        assertThat(phrases.say(due, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2024年度子女应缴 380.00 元（截至 2023-12-31）");
        assertThat(phrases.say(due, Locale.ENGLISH)).isEqualTo("your child owes CNY 380.00 for 2024 (by 2023-12-31)");
    }

    @Test
    void inHtmlNamesAndDocumentsAreMarkedChineseAndTheRestIsEscaped() {
        bundle.addMessage("standard", Locale.ENGLISH, "<{0}> standard ({1}): {2}");
        bundle.addMessage("where", Locale.ENGLISH, "in {0}");
        Phrase standard = Phrase.of("standard", Phrase.of("where", new Verbatim("文水县")),
                new Verbatim("医保发〔2022〕20号 <三>"), "a & b");

        assertThat(phrases.html(standard, Locale.ENGLISH)).isEqualTo("&lt;in <span lang=\"zh-CN\">文水县</span>&gt; "
                + "standard (<span lang=\"zh-CN\">医保发〔2022〕20号 &lt;三&gt;</span>): a &amp; b");
        assertThat(phrases.say(standard, Locale.ENGLISH)).isEqualTo("<in 文水县> standard (医保发〔2022〕20号 <三>): a & b");
    }

    @Test
    void aListIsJoinedTheLanguagesWay() {
        bundle.addMessage("text.list.separator", Locale.SIMPLIFIED_CHINESE, "、");
        bundle.addMessage("text.list.separator", Locale.ENGLISH, ", ");
        bundle.addMessage("fields", Locale.SIMPLIFIED_CHINESE, "不同的字段：{0}");
        bundle.addMessage("fields", Locale.ENGLISH, "fields that differ: {0}");
        Phrase differing = Phrase.of("fields", java.util.List.of("fundFen", Phrase.of("relation.child")));

        assertThat(phrases.say(differing, Locale.SIMPLIFIED_CHINESE)).isEqualTo("不同的字段：fundFen、子女");
        assertThat(phrases.say(differing, Locale.ENGLISH)).isEqualTo("fields that differ: fundFen, your child");
    }

    @Test
    void yearsAndLargeAmountsAreNotGrouped() {
        assertThat(phrases.say(Phrase.of("due", 2024, "本人", new BigDecimal("12345.5"), "-"), Locale.ENGLISH))
                .isEqualTo("本人 owes CNY 12345.5 for 2024 (by -)");
    }
}
