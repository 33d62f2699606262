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
 * Issue #16, item 1: a floor (福建 "不低于380"), an average (山东 "人均380") or a national figure standing in for a local
 * one is information, shown with its standing; the portal takes money only for a published exact local figure.
 */
class OnlyPublishedExactAmountsAreChargedTest {

    @ParameterizedTest(name = "{0} {1}: {2} {3} {4}年度 shows {5} {6} 元 and takes no money")
    @CsvSource(delimiter = '|', textBlock = """
            闽医保〔2023〕78号   | 一 | 350100 | ADULT           | 2024 | 不低于   | 380
            闽医保〔2023〕78号   | 一 | 350102 | MINOR           | 2024 | 不低于   | 380
            闽医保〔2023〕78号   | 一 | 350000 | COLLEGE_STUDENT | 2024 | 不低于   | 380
            鲁医保发〔2023〕36号 | 一 | 370200 | ADULT           | 2024 | 人均     | 380
            鲁医保发〔2023〕36号 | 一 | 370000 | MINOR           | 2024 | 人均     | 380
            医保发〔2022〕20号   | 一 | 350100 | ADULT           | 2023 | 全国标准 | 350
            医保发〔2022〕20号   | 一 | 370200 | ADULT           | 2023 | 全国标准 | 350
            医保发〔2022〕20号   | 一 | 371000 | ADULT           | 2023 | 全国标准 | 350
            医保发〔2022〕20号   | 一 | 210100 | MINOR           | 2023 | 全国标准 | 350
            """)
    void aFloorAnAverageOrANationalFallbackIsShownWithItsStandingButNeverCharged(
            String document, String clause, String region, Category category, int year, String standing, int yuan) {
        Quote quote = TestQuotes.regular(region, year, category, AssistanceStatus.NONE, LocalDate.of(year - 1, 10, 15));

        assertThat(quote.standardFen()).isEqualTo(yuan * 100L);
        assertThat(quote.payable()).as("payable (%s)", quote.reason()).isFalse();
        assertThat(quote.benefitStart()).isNull();
        assertThat(quote.benefitEnd()).isNull();
        assertThat(say(quote.reason())).contains(standing, yuan + "元", "不收取", "请通过参保地");
        assertThat(quote.citations()).anySatisfy(citation -> {
            assertThat(citation.document()).isEqualTo(document);
            assertThat(citation.clause()).isEqualTo(clause);
        });
    }

    @ParameterizedTest(name = "{0} {1}: {2} {3} {4} {5}年度 paid on {6} → {7} 元, charged")
    @CsvSource(delimiter = '|', textBlock = """
            文医保发〔2023〕10号 | 一（一） | 141121 | ADULT           | NONE           | 2024 | 2023-10-15 | false | 380
            文医保发〔2023〕10号 | 一（二） | 141121 | ADULT           | MINIMUM_LIVING | 2024 | 2023-12-25 | false | 76
            文医保发〔2023〕10号 | 一（一） | 141121 | MINOR           | NONE           | 2024 | 2023-09-01 | false | 380
            威医保发〔2023〕38号 | 一（二） | 371000 | COLLEGE_STUDENT | NONE           | 2023 | 2023-10-15 | true  | 100
            """)
    void aPublishedExactLocalAmountIsCharged(String document, String clause, String region, Category category,
                                              AssistanceStatus assistance, int year, LocalDate payDate,
                                              boolean newStudent, int yuan) {
        Quote quote = quoted(quote(region, year, category, assistance, null, newStudent, Enrolment.REGULAR, null,
                payDate));

        assertThat(quote.payable()).as("payable (%s)", quote.reason()).isTrue();
        assertThat(quote.dueFen()).isEqualTo(yuan * 100L);
        assertThat(quote.citations()).anySatisfy(citation -> {
            assertThat(citation.document()).isEqualTo(document);
            assertThat(citation.clause()).isEqualTo(clause);
        });
    }
}
