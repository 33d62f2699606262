package cn.yibao.portal.benefit;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.domain.BenefitSchedule;
import cn.yibao.portal.benefit.domain.CapUse;
import cn.yibao.portal.benefit.domain.Coverage;
import cn.yibao.portal.benefit.domain.Estimate;
import cn.yibao.portal.benefit.domain.EstimateEligibility;
import cn.yibao.portal.benefit.domain.EstimateRequest;
import cn.yibao.portal.benefit.domain.Estimator;
import cn.yibao.portal.benefit.domain.InvalidEstimateRequest;
import cn.yibao.portal.benefit.domain.SettledBill;
import cn.yibao.portal.benefit.domain.Usage;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.contribution.ContributionQuotes;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** "我的待遇" for one person and benefit year: coverage, what was settled, and what it adds up to. */
@Service
public class Benefits {

    private final Coverages coverages;
    private final BenefitRecords records;
    private final BenefitSchedules schedules;
    private final Family family;
    private final ContributionQuotes quotes;
    private final BusinessClock clock;

    Benefits(Coverages coverages, BenefitRecords records, BenefitSchedules schedules, Family family,
             ContributionQuotes quotes, BusinessClock clock) {
        this.coverages = coverages;
        this.schedules = schedules;
        this.records = records;
        this.family = family;
        this.quotes = quotes;
        this.clock = clock;
    }

    /** {@code schedule} is empty where the portal does not serve the person's region. */
    public record Overview(Resident person, int benefitYear, Coverage coverage, Usage usage,
                           List<SettledBill> settlements, Optional<BenefitSchedule> schedule) {

        /** The annual cap of a setting against what the fund has paid in it this year. */
        public Optional<CapUse> capUse(CareSetting setting) {
            return schedule.map(rules -> new CapUse(setting, rules.annualCap(setting), usage.fundUsedFen(setting)));
        }
    }

    public Mono<Overview> overview(Resident person, int benefitYear) {
        return records.settlements(person.id(), benefitYear).collectList()
                .flatMap(bills -> coverages.of(person, benefitYear, bills).map(coverage -> new Overview(person,
                        benefitYear, coverage, Usage.of(benefitYear, bills), bills,
                        schedules.forRegion(person.insuredRegionCode(), benefitYear))));
    }

    /** A result, or why there is none (the region is not served); bad input throws {@link InvalidEstimateRequest}. */
    public sealed interface Estimated {
        record Done(Estimate estimate, BenefitSchedule schedule, long fundUsedThisYearFen,
                    EstimateEligibility eligibility) implements Estimated {
        }

        record NoRules(Phrase reason) implements Estimated {
        }
    }

    /** Estimates a bill for the person against this year's rules and what the fund has already paid in the setting. */
    public Mono<Estimated> estimate(Resident person, int benefitYear, EstimateRequest request) {
        return overview(person, benefitYear).flatMap(overview -> estimate(overview, request));
    }

    /** The same for a page that has loaded the person's year already. */
    public Mono<Estimated> estimate(Overview overview, EstimateRequest request) {
        if (overview.schedule().isEmpty()) {
            return Mono.just(new Estimated.NoRules(Phrase.of("benefit.estimate.regionNotServed")));
        }
        BenefitSchedule schedule = overview.schedule().get();
        long used = overview.usage().fundUsedFen(request.setting());
        return records.hasTwoDiseaseQualification(overview.person().id())
                .map(qualified -> new Estimated.Done(Estimator.estimate(schedule, request, used), schedule, used,
                        EstimateEligibility.of(overview.coverage(), request.setting(), qualified)));
    }

    /** Someone whose benefits the resident may see, and how they relate to the resident (SELF, CHILD…). */
    public record Person(Resident resident, String relation) {
    }

    /** Whose benefits the resident may see: themselves and the minors bound to them (the household read). */
    public Flux<Person> people(Resident me) {
        return family.selfAndBoundMinors(me).flatMapIterable(people -> people.stream()
                .map(person -> new Person(person.resident(), person.relation())).toList());
    }

    /** The resident themselves, or one of their bound minors by id; empty for anyone else. */
    public Mono<Resident> personFor(Resident me, String personId) {
        if (personId == null || personId.isBlank() || personId.equals(me.id().toString())) {
            return Mono.just(me);
        }
        return family.boundMinor(me, personId);
    }

    /** Benefits run by calendar year: this year's are the ones a resident asks about. */
    public int currentBenefitYear() {
        return clock.today().getYear();
    }

    /** The years with policy documents, and this year even without them (its records still show). */
    public List<Integer> benefitYears() {
        return Stream.concat(quotes.benefitYears().stream(), Stream.of(currentBenefitYear())).distinct().sorted()
                .toList();
    }
}
