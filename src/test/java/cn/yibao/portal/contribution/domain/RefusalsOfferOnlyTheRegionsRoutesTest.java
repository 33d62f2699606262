package cn.yibao.portal.contribution.domain;

import static cn.yibao.portal.contribution.domain.TestQuotes.quote;
import static cn.yibao.portal.contribution.domain.TestQuotes.quoted;
import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.contribution.api.Quote;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #16, item 6: a refusal names only the late routes that the documents on the region's own path open. 文水县
 * (文医保发〔2023〕10号 一（三）) has late enrolment after leaving another scheme and newborns; the move-in route is
 * 山东's (鲁医保发〔2023〕36号 三) and is never offered in 文水县, nor 文水's routes in 威海.
 */
class RefusalsOfferOnlyTheRegionsRoutesTest {

    @ParameterizedTest(name = "{0} {1} {2}年度 {3} paid {5}: names {6}, never {7}")
    @CsvSource(delimiter = '|', textBlock = """
            文医保发〔2023〕10号 一（三） | 141121 | 2024 | REGULAR           |            | 2023-12-26 | 退出其他制度保障,新生儿,文医保发〔2023〕10号 一（三） | 跨统筹区
            文医保发〔2023〕10号 一（三） | 141121 | 2024 | MOVED_IN          | 2023-12-28 | 2024-01-05 | 退出其他制度保障,新生儿                               | 跨统筹区
            文医保发〔2023〕10号 一（三） | 141121 | 2024 | REGULAR           |            | 2024-06-01 | 退出其他制度保障,新生儿                               | 跨统筹区
            鲁医保发〔2023〕36号 三       | 371000 | 2024 | REGULAR           |            | 2024-03-01 | 集中                                                  | 退出其他制度保障,新生儿
            鲁医保发〔2023〕36号 三       | 371000 | 2024 | LEFT_OTHER_SCHEME | 2024-02-01 | 2024-03-01 | 集中                                                  | 新生儿,退出其他制度保障的人员可
            """)
    void aRefusalNamesOnlyTheRoutesOnTheRegionsPath(String document, String region, int year, Enrolment enrolment,
                                                    LocalDate eventDate, LocalDate payDate, String mentions,
                                                    String neverMentions) {
        Quote quote = quoted(quote(region, year, Category.ADULT, AssistanceStatus.NONE,
                region.startsWith("371") ? 1 : null, false, enrolment, eventDate, payDate));

        assertThat(quote.payable()).isFalse();
        assertThat(say(quote.reason())).contains(List.of(mentions.split(",")));
        assertThat(say(quote.reason())).doesNotContain(List.of(neverMentions.split(",")));
    }

    @ParameterizedTest(name = "文医保发〔2023〕10号: a move-in after the window is neither offered nor contradicted")
    @CsvSource({"2023-12-28, 2024-01-05", "2024-04-01, 2024-04-10"})
    void theReasonAgreesWithTheNoteThatWenshuiHasNoMoveInRoute(LocalDate movedOn, LocalDate payDate) {
        Quote quote = quoted(quote("141121", 2024, Category.ADULT, AssistanceStatus.NONE, null, false,
                Enrolment.MOVED_IN, movedOn, payDate));

        assertThat(say(quote.notes())).anySatisfy(note -> assertThat(note).contains("未公布跨统筹区迁入"));
        assertThat(say(quote.reason())).doesNotContain("迁入");
    }
}
