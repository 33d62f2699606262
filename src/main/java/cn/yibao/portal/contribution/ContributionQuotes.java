package cn.yibao.portal.contribution;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.contribution.domain.ContributionCalculator;
import cn.yibao.portal.contribution.domain.Enrolment;
import cn.yibao.portal.contribution.domain.PersonalCircumstances;
import cn.yibao.portal.contribution.domain.QuoteRequest;
import cn.yibao.portal.policy.SupportedRegions;
import cn.yibao.portal.policy.api.PolicyCatalog;
import cn.yibao.portal.resident.api.Category;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.DateRange;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.PhraseLists;
import cn.yibao.portal.shared.Region;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Quotes against the loaded catalog. Synchronous: everything it needs is in memory. */
@Service
public class ContributionQuotes {

    private final PolicyCatalog catalog;
    private final SupportedRegions regions;
    private final BusinessClock clock;

    ContributionQuotes(PolicyCatalog catalog, SupportedRegions regions, BusinessClock clock) {
        this.catalog = catalog;
        this.regions = regions;
        this.clock = clock;
    }

    public QuoteResult quote(QuoteQuery query) {
        List<Region> path = regions.path(query.region()).orElse(null);
        if (path == null) {
            return new QuoteResult.NoPolicy("region", Phrase.of("contribution.region.unknown", query.region()));
        }
        if (!catalog.benefitYears().contains(query.year())) {
            return new QuoteResult.NoPolicy("year", Phrase.of("contribution.year.none", query.year(),
                    PhraseLists.series(catalog.benefitYears())));
        }
        return ContributionCalculator.quote(new QuoteRequest(path, query.year(), query.category(), query.assistance(),
                query.grade(), query.newStudent(), query.payDate(), query.enrolment(), query.eventDate()), catalog);
    }

    /** The quote for a resident on their own record, paying today as a regular enrolment. */
    public QuoteResult quoteFor(Resident person, int year, Integer chosenGrade) {
        return quoteFor(person, year, chosenGrade, clock.today());
    }

    /**
     * The benefit period a regular payment made on {@code paidOn} buys the person (a late start for a newly enrolled
     * student, for instance); empty when the rules would not have taken the payment that day.
     */
    public Optional<DateRange> benefitPeriodIfPaidOn(Resident person, int year, LocalDate paidOn) {
        return quoteFor(person, year, null, paidOn) instanceof QuoteResult.Quoted quoted && quoted.quote().payable()
                ? Optional.of(new DateRange(quoted.quote().benefitStart(), quoted.quote().benefitEnd()))
                : Optional.empty();
    }

    private QuoteResult quoteFor(Resident person, int year, Integer chosenGrade, LocalDate payDate) {
        if (!regions.isSupported(person.insuredRegionCode())) {
            return new QuoteResult.NoPolicy("region", Phrase.of("contribution.region.notServed",
                    person.insuredRegionCode()));
        }
        Category category = PersonalCircumstances.category(person.category(), person.birthDate(), year);
        List<Integer> grades = catalog.adultGrades(year, regions.path(person.insuredRegionCode())
                .map(path -> path.stream().map(Region::code).toList()).orElse(List.of()));
        return quote(new QuoteQuery(person.insuredRegionCode(), year, category, person.assistance(),
                PersonalCircumstances.grade(category, grades, chosenGrade),
                PersonalCircumstances.isNewStudent(category, person.enrolledOn(), year), payDate,
                Enrolment.REGULAR, null));
    }

    /** The benefit year being collected now: next year's once its collection has started, else this year's. */
    public int currentBenefitYear() {
        return PersonalCircumstances.currentBenefitYear(clock.today(), catalog.benefitYears());
    }

    public List<Integer> benefitYears() {
        return catalog.benefitYears();
    }
}
