package cn.yibao.portal.benefit;

import cn.yibao.portal.benefit.domain.Coverage;
import cn.yibao.portal.benefit.domain.SettledBill;
import cn.yibao.portal.benefit.domain.Usage;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.contribution.ContributionQuotes;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.domain.Resident;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** "我的待遇" for one person and benefit year: coverage, what was settled, and what it adds up to. */
@Service
public class Benefits {

    private final Coverages coverages;
    private final BenefitRecords records;
    private final Family family;
    private final ContributionQuotes quotes;
    private final BusinessClock clock;

    Benefits(Coverages coverages, BenefitRecords records, Family family, ContributionQuotes quotes,
             BusinessClock clock) {
        this.coverages = coverages;
        this.records = records;
        this.family = family;
        this.quotes = quotes;
        this.clock = clock;
    }

    public record Overview(Resident person, int benefitYear, Coverage coverage, Usage usage,
                           List<SettledBill> settlements) {
    }

    public Mono<Overview> overview(Resident person, int benefitYear) {
        return Mono.zip(coverages.of(person, benefitYear), records.settlements(person.id(), benefitYear).collectList())
                .map(loaded -> new Overview(person, benefitYear, loaded.getT1(),
                        Usage.of(benefitYear, loaded.getT2()), loaded.getT2()));
    }

    /** Whose benefits the resident may see: themselves and the minors bound to them. */
    public Flux<Resident> people(Resident me) {
        return Flux.concat(Mono.just(me), family.boundMinors(me));
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
