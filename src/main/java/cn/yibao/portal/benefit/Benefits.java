package cn.yibao.portal.benefit;

import cn.yibao.portal.benefit.domain.BenefitSchedule;
import cn.yibao.portal.benefit.domain.CareSetting;
import cn.yibao.portal.benefit.domain.Coverage;
import cn.yibao.portal.benefit.domain.Estimate;
import cn.yibao.portal.benefit.domain.EstimateEligibility;
import cn.yibao.portal.benefit.domain.EstimateRequest;
import cn.yibao.portal.benefit.domain.Estimator;
import cn.yibao.portal.benefit.domain.Figure;
import cn.yibao.portal.benefit.domain.InvalidEstimateRequest;
import cn.yibao.portal.benefit.domain.Standing;
import cn.yibao.portal.benefit.domain.SettledBill;
import cn.yibao.portal.benefit.domain.Usage;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.contribution.ContributionQuotes;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.domain.Resident;
import java.util.List;
import java.util.Optional;
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

    /** {@code remainingFen} only where the cap is a published figure (never below zero). */
    public record CapUse(CareSetting setting, Figure cap, long usedFen) {

        public Long capFen() {
            return cap.known() && cap.unit() == Figure.Unit.FEN ? cap.value() : null;
        }

        public Long remainingFen() {
            Long capFen = capFen();
            return capFen == null || cap.standing() != Standing.EXACT ? null : Math.max(0, capFen - usedFen);
        }
    }

    public Mono<Overview> overview(Resident person, int benefitYear) {
        return Mono.zip(coverages.of(person, benefitYear), records.settlements(person.id(), benefitYear).collectList())
                .map(loaded -> new Overview(person, benefitYear, loaded.getT1(),
                        Usage.of(benefitYear, loaded.getT2()), loaded.getT2(),
                        schedules.forRegion(person.insuredRegionCode(), benefitYear)));
    }

    /** A result, or why there is none (the region is not served); bad input throws {@link InvalidEstimateRequest}. */
    public sealed interface Estimated {
        record Done(Estimate estimate, BenefitSchedule schedule, long fundUsedThisYearFen,
                    EstimateEligibility eligibility) implements Estimated {
        }

        record NoRules(String reason) implements Estimated {
        }
    }

    /** Estimates a bill for the person against this year's rules and what the fund has already paid in the setting. */
    public Mono<Estimated> estimate(Resident person, int benefitYear, EstimateRequest request) {
        Optional<BenefitSchedule> schedule = schedules.forRegion(person.insuredRegionCode(), benefitYear);
        if (schedule.isEmpty()) {
            return Mono.just(new Estimated.NoRules("参保地暂未开通本平台服务，无法测算待遇，请咨询参保地医保经办机构。"));
        }
        return Mono.zip(records.settlements(person.id(), benefitYear).collectList(),
                        coverages.of(person, benefitYear), records.hasTwoDiseaseQualification(person.id()))
                .map(loaded -> {
                    long used = Usage.of(benefitYear, loaded.getT1()).fundUsedFen(request.setting());
                    return new Estimated.Done(Estimator.estimate(schedule.get(), request, used), schedule.get(), used,
                            EstimateEligibility.of(loaded.getT2(), request.setting(), loaded.getT3()));
                });
    }

    /** Someone whose benefits the resident may see, and how they relate to the resident (SELF, CHILD…). */
    public record Person(Resident resident, String relation) {
    }

    /** Whose benefits the resident may see: themselves and the minors bound to them. */
    public Flux<Person> people(Resident me) {
        return Flux.concat(Mono.just(new Person(me, "SELF")), family.boundMinors(me).flatMap(minor -> family
                .activeMembersOf(me).filter(member -> member.person().id().equals(minor.id())).next()
                .map(member -> new Person(minor, member.relation().name()))));
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
        return java.util.stream.Stream.concat(quotes.benefitYears().stream(), java.util.stream.Stream.of(currentBenefitYear()))
                .distinct().sorted().toList();
    }
}
