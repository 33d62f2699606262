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
 * Issue #16, item 3: a late route whose benefits start the day after payment (文医保发〔2023〕10号 一（三）) or the month
 * after (鲁医保发〔2023〕36号 三) buys nothing when that start falls after the benefit year: nothing is payable then, and a
 * quote never says the benefits start after they end.
 */
class NoImpossibleBenefitPeriodTest {

    @ParameterizedTest(name = "{0} {1}: {2} {3} on {4}, paid {5} → payable {6}, from {7}")
    @CsvSource(delimiter = '|', textBlock = """
            鲁医保发〔2023〕36号 | 三       | 371000 | MOVED_IN          | 2024-11-20 | 2024-12-10 | false |
            鲁医保发〔2023〕36号 | 三       | 371082 | MOVED_IN          | 2024-12-01 | 2024-12-31 | false |
            鲁医保发〔2023〕36号 | 三       | 370200 | MOVED_IN          | 2024-11-05 | 2024-12-01 | false |
            文医保发〔2023〕10号 | 一（三） | 141121 | LEFT_OTHER_SCHEME | 2024-11-01 | 2024-12-31 | false |
            文医保发〔2023〕10号 | 一（三） | 141121 | LEFT_OTHER_SCHEME | 2024-11-01 | 2024-12-30 | true  | 2024-12-31
            """)
    void aLateRouteWithNoBenefitDayLeftIsNotPayable(String document, String clause, String region,
                                                     Enrolment enrolment, LocalDate eventDate, LocalDate payDate,
                                                     boolean payable, LocalDate start) {
        Quote quote = quoted(quote(region, 2024, Category.ADULT, AssistanceStatus.NONE,
                region.startsWith("371") ? 1 : null, false, enrolment, eventDate, payDate));

        assertThat(quote.payable()).as("payable (%s)", quote.reason()).isEqualTo(payable);
        assertThat(quote.benefitStart()).isEqualTo(start);
        if (payable) {
            assertThat(quote.benefitEnd()).isEqualTo(LocalDate.of(2024, 12, 31));
        } else {
            assertThat(quote.benefitEnd()).isNull();
            assertThat(say(quote.reason())).contains("已没有可享受待遇的日子", document + " " + clause);
        }
    }
}
