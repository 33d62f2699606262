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
 * Issue #16, item 4: 文医保发〔2023〕10号 一（三） lets people who left another scheme enrol "在居民医保集中参保缴费期结束后"
 * (after the collection window, 2023-09-01 to 2023-12-25, ends) within 3 months of leaving — not before the window opens.
 * Inside the window they simply enrol as everyone does.
 */
class LateEnrolmentAfterTheWindowTest {

    @ParameterizedTest(name = "文医保发〔2023〕10号 一（三）: left {0}, paid {1} → payable {2}, from {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-07-01 | 2023-08-20 | false |
            2023-08-25 | 2023-08-31 | false |
            2023-10-01 | 2023-10-15 | true  | 2024-01-01
            2023-12-01 | 2023-12-25 | true  | 2024-01-01
            2023-11-01 | 2023-12-26 | true  | 2024-01-01
            2024-02-10 | 2024-05-10 | true  | 2024-05-11
            2024-02-10 | 2024-05-11 | false |
            """)
    void lateEnrolmentIsOnlyForTheTimeAfterTheCollectionWindow(LocalDate leftOn, LocalDate payDate, boolean payable,
                                                               LocalDate start) {
        Quote quote = quoted(quote("141121", 2024, Category.ADULT, AssistanceStatus.NONE, null, false,
                Enrolment.LEFT_OTHER_SCHEME, leftOn, payDate));

        assertThat(quote.payable()).as("payable (%s)", quote.reason()).isEqualTo(payable);
        assertThat(quote.benefitStart()).isEqualTo(start);
        if (!payable && payDate.isBefore(LocalDate.of(2023, 9, 1))) {
            assertThat(say(quote.reason())).contains("集中征缴期结束", "2023-12-25", "2023-09-01", "文医保发〔2023〕10号 一（三）");
        }
    }
}
