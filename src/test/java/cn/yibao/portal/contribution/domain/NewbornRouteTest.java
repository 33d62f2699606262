package cn.yibao.portal.contribution.domain;

import static cn.yibao.portal.contribution.domain.TestQuotes.quote;
import static cn.yibao.portal.contribution.domain.TestQuotes.quoted;
import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.contribution.api.Quote;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #16, item 5: 文医保发〔2023〕10号 一（三） "继续落实新生儿落地参保政策" lets a newborn enrol outside the collection
 * window. For a benefit year, a newborn is a child born in that year, or born after that year's collection window
 * opened (a child born earlier could have enrolled in the window); anyone else — an older child, an adult, a college
 * student — is refused with the reason, not let past the window.
 */
class NewbornRouteTest {

    @ParameterizedTest(name = "文医保发〔2023〕10号 一（三）: {1} {0} born {2}, paid {3} → refused on {4}")
    @CsvSource(delimiter = '|', textBlock = """
            141121 | MINOR           | 2019-05-01 | 2024-03-01 | birthDate
            141121 | MINOR           | 2023-08-15 | 2024-01-10 | birthDate
            141121 | MINOR           | 2022-12-30 | 2023-10-15 | birthDate
            141121 | ADULT           | 2024-02-01 | 2024-03-01 | category
            141121 | COLLEGE_STUDENT | 2024-02-01 | 2024-03-01 | category
            371000 | ADULT           | 2024-02-01 | 2024-03-01 | category
            """)
    void onlyANewbornTakesTheNewbornRoute(String region, Category category, LocalDate birthDate, LocalDate payDate,
                                          String parameter) {
        QuoteResult result = quote(region, 2024, category, AssistanceStatus.NONE, null, false, Enrolment.NEWBORN,
                birthDate, payDate);

        assertThat(result).isInstanceOfSatisfying(QuoteResult.Rejected.class, rejected -> {
            assertThat(rejected.parameter()).isEqualTo(parameter);
            assertThat(say(rejected.reason())).contains("新生儿");
        });
    }

    @ParameterizedTest(name = "文医保发〔2023〕10号 一（三）: born {0}, paid {1} → payable to 2024-12-31")
    @CsvSource(delimiter = '|', textBlock = """
            2024-06-18 | 2024-07-02
            2023-12-28 | 2024-01-05
            2023-10-01 | 2024-01-10
            2024-12-31 | 2024-12-31
            """)
    void aNewbornBornInTheYearOrAfterItsWindowOpenedEnrolsOutsideTheWindow(LocalDate birthDate, LocalDate payDate) {
        Quote quote = quoted(quote("141121", 2024, Category.MINOR, AssistanceStatus.NONE, null, false,
                Enrolment.NEWBORN, birthDate, payDate));

        assertThat(quote.payable()).as("payable (%s)", quote.reason()).isTrue();
        assertThat(quote.dueFen()).isEqualTo(38000);
        assertThat(quote.benefitEnd()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(say(quote.steps())).anySatisfy(step -> assertThat(step).contains("新生儿", "文医保发〔2023〕10号 一（三）"));
    }
}
