package cn.yibao.portal.contribution.domain;

import static cn.yibao.portal.contribution.domain.TestQuotes.quote;
import static cn.yibao.portal.contribution.domain.TestQuotes.quoted;
import static cn.yibao.portal.contribution.domain.TestQuotes.words;
import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.contribution.api.Quote;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #16, item 2: 医保发〔2022〕20号 三 "全额资助特困人员，定额资助低保对象、返贫致贫人口" holds everywhere for benefit year
 * 2023; for 2024 医保发〔2023〕24号 四 only asks to "优化分类资助参保政策", so outside 文水县 nothing is deducted or invented.
 */
class AssistedEnrolmentTest {

    @ParameterizedTest(name = "医保发〔2022〕20号 三: a 特困 {1} in {0} pays 0 of {3} 元 for 2023")
    @CsvSource(delimiter = '|', textBlock = """
            210100 | ADULT           | false | 350
            350100 | ADULT           | false | 350
            371000 | ADULT           | false | 350
            371000 | COLLEGE_STUDENT | true  | 100
            370200 | MINOR           | false | 350
            141121 | ADULT           | false | 350
            110101 | ADULT           | false | 350
            """)
    void extremePovertyResidentsAreAssistedInFullEverywhereFor2023(String region, Category category,
                                                                  boolean newStudent, int standardYuan) {
        Quote quote = quoted(quote(region, 2023, category, AssistanceStatus.EXTREME_POVERTY, null, newStudent,
                Enrolment.REGULAR, null, LocalDate.of(newStudent ? 2023 : 2022, 10, 15)));

        assertThat(quote.standardFen()).isEqualTo(standardYuan * 100L);
        assertThat(quote.assistanceFen()).isEqualTo(standardYuan * 100L);
        assertThat(quote.dueFen()).isZero();
        assertThat(quote.citations()).anySatisfy(citation -> {
            assertThat(citation.document()).isEqualTo("医保发〔2022〕20号");
            assertThat(citation.clause()).isEqualTo("三");
        });
        assertThat(say(quote.steps())).anySatisfy(step -> assertThat(step).contains("全额资助", "医保发〔2022〕20号 三"));
    }

    @ParameterizedTest(name = "医保发〔2022〕20号 三: a {1} in {0} gets 定额资助 whose 2023 amount is not published")
    @CsvSource(delimiter = '|', textBlock = """
            210100 | MINIMUM_LIVING   | 低保对象
            141121 | RELAPSED_POVERTY | 返贫致贫人口
            """)
    void fixedAssistanceFor2023IsNamedButItsAmountIsNotInvented(String region, AssistanceStatus group, String name) {
        Quote quote = TestQuotes.regular(region, 2023, Category.ADULT, group, LocalDate.of(2022, 10, 15));

        assertThat(quote.assistanceFen()).isZero();
        assertThat(quote.payable()).isFalse();
        assertThat(words(quote)).contains("定额资助" + name, "医保发〔2022〕20号", "未公布");
    }

    @ParameterizedTest(name = "医保发〔2023〕24号 四: a 特困 resident of {0} is not told 2024's assistance ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            210100 |   | 辽医保发〔2023〕11号
            350100 |   | 闽医保〔2023〕78号
            371000 | 1 | 鲁医保发〔2023〕36号
            370200 |   | 鲁医保发〔2023〕36号
            110101 |   | 医保发〔2023〕24号
            """)
    void for2024TheNationalNoticeOnlyAsksToOptimiseAssistanceSoNothingIsDeductedOutsideWenshui(
            String region, Integer grade, String provincial) {
        Quote quote = quoted(quote(region, 2024, Category.ADULT, AssistanceStatus.EXTREME_POVERTY, grade, false,
                Enrolment.REGULAR, null, LocalDate.of(2023, 10, 15)));

        assertThat(quote.assistanceFen()).isZero();
        assertThat(quote.payable()).as("an amount nobody published is not charged").isFalse();
        assertThat(words(quote)).contains("优化分类资助参保政策", "医保发〔2023〕24号 四", provincial, "未公布")
                .doesNotContain("全额资助");
    }

    @ParameterizedTest(name = "文医保发〔2023〕10号 一（二）: 特困 in 文水县 pays 0 for 2024")
    @CsvSource({"ADULT", "MINOR"})
    void wenshuiAssistsExtremePovertyInFullFor2024(Category category) {
        Quote quote = TestQuotes.regular("141121", 2024, category, AssistanceStatus.EXTREME_POVERTY,
                LocalDate.of(2023, 10, 15));

        assertThat(quote.dueFen()).isZero();
        assertThat(quote.citations()).anySatisfy(citation -> {
            assertThat(citation.document()).isEqualTo("文医保发〔2023〕10号");
            assertThat(citation.clause()).isEqualTo("一（二）");
        });
    }
}
