package cn.yibao.portal.benefit;

import cn.yibao.portal.benefit.domain.Coverage;
import cn.yibao.portal.contribution.ContributionQuotes;
import cn.yibao.portal.qrcode.InsuredStatus;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.PhraseLists;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the help desk reads after verifying a 医保码: this year's coverage, from payments here or upstream records. */
@Component
class CounterInsuredStatus implements InsuredStatus {

    private final Coverages coverages;
    private final Benefits benefits;
    private final ContributionQuotes quotes;


    CounterInsuredStatus(Coverages coverages, Benefits benefits, ContributionQuotes quotes) {
        this.coverages = coverages;
        this.benefits = benefits;
        this.quotes = quotes;
    }

    /** This year's cover, and in the autumn collection season also next year's payment. */
    @Override
    public Mono<Phrase> of(Resident resident) {
        return Flux.fromStream(Stream.of(benefits.currentBenefitYear(), quotes.currentBenefitYear()).distinct())
                .concatMap(year -> coverages.of(resident, year).map(coverage -> line(year, coverage)))
                .collectList()
                .map(lines -> lines.isEmpty() ? Phrase.of("verify.status.asGiven", "") : (Phrase) PhraseLists.clauses(lines));
    }

    private static Phrase line(int year, Coverage coverage) {
        if (coverage instanceof Coverage.Covered covered) {
            return Phrase.of("benefit.counter.covered", year, Phrase.of("benefit.counter.phase." + covered.phase()),
                    covered.start(), covered.end());
        }
        if (coverage instanceof Coverage.ShownBySettlements) {
            return Phrase.of("benefit.counter.bySettlements", year);
        }
        return Phrase.of("benefit.counter.none", year);
    }
}
