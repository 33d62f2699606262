package cn.yibao.portal.contribution.domain;

import static cn.yibao.portal.contribution.domain.TestQuotes.quote;
import static cn.yibao.portal.contribution.domain.TestQuotes.quoted;
import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.contribution.api.Quote;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #16, item 9: the portal cannot take a payment for a region it does not serve (no local document), nor where
 * the documents publish no collection window (集中征缴期) for the year — it cannot know that paying on the day is
 * accepted. The quote then says what is known and that payment happens through the region's own channels.
 */
class PaidElsewhereTest {

    @ParameterizedTest(name = "{0}: {1} {2} {3}年度 paid {5} → not payable here ({6})")
    @CsvSource(delimiter = '|', textBlock = """
            医保发〔2023〕24号   | 110101 | ADULT | 2024 |   | 2023-10-15 | 暂未开通
            医保发〔2022〕20号   | 110101 | ADULT | 2023 |   | 2022-10-15 | 暂未开通
            医保发〔2023〕24号   | 000000 | ADULT | 2024 |   | 2023-10-15 | 暂未开通
            威医保发〔2023〕38号 | 371000 | ADULT | 2024 | 1 | 2023-10-15 | 集中征缴期
            威医保发〔2023〕38号 | 371000 | ADULT | 2024 | 2 | 2023-12-31 | 集中征缴期
            威医保发〔2023〕38号 | 371002 | MINOR | 2024 |   | 2023-10-15 | 集中征缴期
            辽医保发〔2023〕11号 | 210100 | ADULT | 2024 |   | 2023-10-15 | 集中征缴期
            辽医保发〔2023〕11号 | 210000 | MINOR | 2024 |   | 2023-11-30 | 集中征缴期
            文医保发〔2023〕10号 | 141121 | ADULT | 2023 |   | 2022-10-15 | 集中征缴期
            """)
    void withoutAServedRegionOrAPublishedWindowThePaymentHappensElsewhere(String document, String region,
                                                                         Category category, int year, Integer grade,
                                                                         LocalDate payDate, String why) {
        Quote quote = quoted(quote(region, year, category, AssistanceStatus.NONE, grade, false, Enrolment.REGULAR,
                null, payDate));

        assertThat(quote.payable()).as("payable (%s)", quote.reason()).isFalse();
        assertThat(quote.benefitStart()).isNull();
        assertThat(quote.benefitEnd()).isNull();
        assertThat(say(quote.reason())).contains(why, "请通过参保地");
        assertThat(quote.citations()).anySatisfy(citation -> assertThat(citation.document()).isEqualTo(document));
    }
}
