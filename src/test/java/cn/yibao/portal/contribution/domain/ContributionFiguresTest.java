package cn.yibao.portal.contribution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.contribution.api.DueStanding;
import cn.yibao.portal.contribution.api.Quote;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every contribution figure and date in POLICY.md, each row naming the document it comes from, reproduced through
 * the calculator with the real catalog files: the amount, what it is (only EXACT is an amount owed), and whether the
 * portal may take it on that day.
 */
class ContributionFiguresTest {

    @ParameterizedTest(name = "{0}: {1} {2} {3} {4} grade={5} new={6} {7} → due {12}")
    @CsvFileSource(resources = "/policy/contribution-figures.csv", useHeadersInDisplayName = false, numLinesToSkip = 1)
    void reproducesThePublishedFigure(String document, String region, int year, Category category,
                                      AssistanceStatus assistance, Integer grade, boolean newStudent,
                                      Enrolment enrolment, LocalDate eventDate, LocalDate payDate, long standardYuan,
                                      long assistanceYuan, long dueYuan, Long subsidyYuan, boolean payable,
                                      LocalDate benefitStart, LocalDate benefitEnd, DueStanding standing) {
        QuoteResult result = TestQuotes.quote(region, year, category, assistance, grade, newStudent, enrolment,
                eventDate, payDate);

        assertThat(result).isInstanceOf(QuoteResult.Quoted.class);
        Quote quote = ((QuoteResult.Quoted) result).quote();
        assertThat(quote.standardFen()).as("standard").isEqualTo(standardYuan * 100);
        assertThat(quote.assistanceFen()).as("assistance").isEqualTo(assistanceYuan * 100);
        assertThat(quote.dueFen()).as("due").isEqualTo(dueYuan * 100);
        assertThat(quote.fiscalSubsidyFen()).as("fiscal subsidy").isEqualTo(subsidyYuan == null ? null : subsidyYuan * 100);
        assertThat(quote.payable()).as("payable (%s)", quote.reason()).isEqualTo(payable);
        assertThat(quote.benefitStart()).as("benefit start").isEqualTo(benefitStart);
        assertThat(quote.benefitEnd()).as("benefit end").isEqualTo(benefitEnd);
        assertThat(quote.dueStanding()).as("what the amount is").isEqualTo(standing);
        assertThat(quote.citations()).as("cites " + document)
                .anySatisfy(citation -> assertThat(citation.document()).isEqualTo(document));
        assertThat(quote.steps()).isNotEmpty();
    }
}
