package cn.yibao.portal.contribution.domain;

import static cn.yibao.portal.contribution.domain.TestQuotes.words;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.contribution.api.Quote;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #16, item 7: 文医保发〔2023〕10号 一（一） "个人缴费标准由2023年的350元/人提高到380元/人" publishes 文水县's own
 * 2023 figure, 350 元: the quote cites it and never says 文水县 published none.
 */
class WenshuisOwn2023FigureTest {

    @ParameterizedTest(name = "文医保发〔2023〕10号 一（一）: 文水县 2023 {0} → 350 元, cited")
    @CsvSource({"ADULT", "MINOR", "COLLEGE_STUDENT"})
    void wenshuiPublishedIts2023ContributionOf350Yuan(Category category) {
        Quote quote = TestQuotes.regular("141121", 2023, category, AssistanceStatus.NONE, LocalDate.of(2022, 10, 15));

        assertThat(quote.standardFen()).isEqualTo(35000);
        assertThat(quote.citations()).anySatisfy(citation -> {
            assertThat(citation.document()).isEqualTo("文医保发〔2023〕10号");
            assertThat(citation.clause()).isEqualTo("一（一）");
            assertThat(citation.region()).isEqualTo("141121");
        });
        assertThat(words(quote)).doesNotContain("没有本地公布", "全国标准");
    }
}
