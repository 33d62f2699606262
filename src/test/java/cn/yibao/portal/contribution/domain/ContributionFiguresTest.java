package cn.yibao.portal.contribution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.policy.PolicyCatalogLoader;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.policy.domain.PolicyCatalog;
import cn.yibao.portal.policy.domain.Region;
import cn.yibao.portal.resident.domain.AssistanceStatus;
import cn.yibao.portal.resident.domain.Category;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every contribution figure and date in POLICY.md, each row naming the document it comes from, reproduced through
 * the calculator with the real catalog files.
 */
class ContributionFiguresTest {

    static final RegionCatalog REGIONS = new RegionCatalog();
    static final PolicyCatalog CATALOG = PolicyCatalogLoader.load(PolicyCatalogLoader.LOCATION, REGIONS);

    @ParameterizedTest(name = "{0}: {1} {2} {3} {4} grade={5} new={6} {7} → due {12}")
    @CsvFileSource(resources = "/policy/contribution-figures.csv", useHeadersInDisplayName = false, numLinesToSkip = 1)
    void reproducesThePublishedFigure(String document, String region, int year, Category category,
                                      AssistanceStatus assistance, Integer grade, boolean newStudent,
                                      Enrolment enrolment, LocalDate eventDate, LocalDate payDate, long standardYuan,
                                      long assistanceYuan, long dueYuan, Long subsidyYuan, boolean payable,
                                      LocalDate benefitStart, LocalDate benefitEnd) {
        List<Region> path = REGIONS.pathToNational(region).stream().map(code -> REGIONS.find(code).orElseThrow()).toList();

        QuoteResult result = ContributionCalculator.quote(new QuoteRequest(path, year, category, assistance, grade,
                newStudent, payDate, enrolment, eventDate), CATALOG);

        assertThat(result).isInstanceOf(QuoteResult.Quoted.class);
        Quote quote = ((QuoteResult.Quoted) result).quote();
        assertThat(quote.standardFen()).as("standard").isEqualTo(standardYuan * 100);
        assertThat(quote.assistanceFen()).as("assistance").isEqualTo(assistanceYuan * 100);
        assertThat(quote.dueFen()).as("due").isEqualTo(dueYuan * 100);
        assertThat(quote.fiscalSubsidyFen()).as("fiscal subsidy").isEqualTo(subsidyYuan == null ? null : subsidyYuan * 100);
        assertThat(quote.payable()).as("payable (%s)", quote.reason()).isEqualTo(payable);
        assertThat(quote.benefitStart()).as("benefit start").isEqualTo(benefitStart);
        assertThat(quote.benefitEnd()).as("benefit end").isEqualTo(benefitEnd);
        assertThat(quote.citations()).as("cites " + document)
                .anySatisfy(citation -> assertThat(citation.document()).isEqualTo(document));
        assertThat(quote.steps()).isNotEmpty();
    }
}
