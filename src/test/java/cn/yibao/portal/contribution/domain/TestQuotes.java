package cn.yibao.portal.contribution.domain;

import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.contribution.api.Quote;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.policy.PolicyCatalogLoader;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.policy.api.PolicyCatalog;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import cn.yibao.portal.shared.Region;
import java.time.LocalDate;
import java.util.List;

/** Quotes through the calculator with the real catalog files, as the portal makes them. */
final class TestQuotes {

    static final RegionCatalog REGIONS = new RegionCatalog();
    static final PolicyCatalog CATALOG = PolicyCatalogLoader.load(PolicyCatalogLoader.LOCATION, REGIONS);

    private TestQuotes() {
    }

    static List<Region> path(String region) {
        return REGIONS.pathToNational(region).stream().map(code -> REGIONS.find(code).orElseThrow()).toList();
    }

    static QuoteResult quote(String region, int year, Category category, AssistanceStatus assistance, Integer grade,
                             boolean newStudent, Enrolment enrolment, LocalDate eventDate, LocalDate payDate) {
        return ContributionCalculator.quote(new QuoteRequest(path(region), year, category, assistance, grade,
                newStudent, payDate, enrolment, eventDate), CATALOG);
    }

    /** A regular enrolment, no grade, not a new student. */
    static Quote regular(String region, int year, Category category, AssistanceStatus assistance, LocalDate payDate) {
        return quoted(quote(region, year, category, assistance, null, false, Enrolment.REGULAR, null, payDate));
    }

    static Quote quoted(QuoteResult result) {
        assertThat(result).as("a quote, not a refusal").isInstanceOf(QuoteResult.Quoted.class);
        return ((QuoteResult.Quoted) result).quote();
    }

    /** Everything a resident reads on the quote besides the figures. */
    static String words(Quote quote) {
        return String.join("\n", quote.reason() == null ? "" : say(quote.reason()), String.join("\n", say(quote.notes())),
                String.join("\n", say(quote.steps())));
    }
}
