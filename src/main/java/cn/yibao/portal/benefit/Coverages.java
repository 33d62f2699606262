package cn.yibao.portal.benefit;

import cn.yibao.portal.benefit.domain.Coverage;
import cn.yibao.portal.benefit.domain.CoverageRules;
import cn.yibao.portal.benefit.domain.SettledBill;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.contribution.ContributionQuotes;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.payment.Payments;
import cn.yibao.portal.policy.SupportedRegions;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.DateRange;
import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Coverage for a person and benefit year: paid here or reported paid upstream, else why not and whether to pay. */
@Service
public class Coverages {

    /** Shown as the collector of a payment made on this portal. */
    static final String PORTAL_COLLECTOR = "PORTAL";

    private final BenefitRecords records;
    private final Payments payments;
    private final ContributionQuotes quotes;
    private final SupportedRegions regions;
    private final BusinessClock clock;

    Coverages(BenefitRecords records, Payments payments, ContributionQuotes quotes, SupportedRegions regions,
              BusinessClock clock) {
        this.records = records;
        this.payments = payments;
        this.quotes = quotes;
        this.regions = regions;
        this.clock = clock;
    }

    /** Coverage from the records alone (the help desk's code check), loading the year's settlements itself. */
    public Mono<Coverage> of(Resident person, int benefitYear) {
        return records.settlements(person.id(), benefitYear).collectList()
                .flatMap(bills -> of(person, benefitYear, bills));
    }

    /** Coverage given the person's settlements of the year, already loaded for the page. */
    Mono<Coverage> of(Resident person, int benefitYear, List<SettledBill> settlements) {
        return InTurn.zip(payments.contributionState(person.id(), benefitYear),
                        records.contributionsPaidElsewhere(person.id(), benefitYear).collectList())
                .map(loaded -> {
                    List<CoverageRules.Paid> paid = new ArrayList<>(loaded.getT2());
                    loaded.getT1().paid().ifPresent(here -> paid.add(paidHere(person, benefitYear, here)));
                    return CoverageRules.decide(benefitYear, clock.today(), paid,
                            unpaid(person, benefitYear, loaded.getT1().orderOpen()), settlements);
                });
    }

    /** The benefit period a payment here bought: from the contribution rules of the day it was paid. */
    private CoverageRules.Paid paidHere(Resident person, int benefitYear, Payments.ContributionState.Paid paid) {
        LocalDate paidOn = LocalDate.ofInstant(paid.paidAt(), clock.zone());
        DateRange period = quotes.benefitPeriodIfPaidOn(person, benefitYear, paidOn)
                .orElse(new DateRange(LocalDate.of(benefitYear, 1, 1), LocalDate.of(benefitYear, 12, 31)));
        return new CoverageRules.Paid(Coverage.Source.PORTAL, paidOn, paid.amountFen(), PORTAL_COLLECTOR,
                period.start(), period.end());
    }

    private CoverageRules.Unpaid unpaid(Resident person, int benefitYear, boolean orderOpen) {
        boolean supported = regions.isSupported(person.insuredRegionCode());
        QuoteResult quote = quotes.quoteFor(person, benefitYear, null);
        if (quote instanceof QuoteResult.Quoted quoted) {
            return new CoverageRules.Unpaid(orderOpen, supported, quoted.quote().payable(), quoted.quote().reason());
        }
        Phrase reason = quote instanceof QuoteResult.NoPolicy noPolicy ? noPolicy.reason()
                : ((QuoteResult.Rejected) quote).reason();
        return new CoverageRules.Unpaid(orderOpen, supported, false, reason);
    }
}
