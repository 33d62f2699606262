package cn.yibao.portal.benefit;

import cn.yibao.portal.benefit.domain.Coverage;
import cn.yibao.portal.benefit.domain.CoverageRules;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.contribution.ContributionPayments;
import cn.yibao.portal.contribution.ContributionQuotes;
import cn.yibao.portal.contribution.domain.QuoteResult;
import cn.yibao.portal.payment.Payments;
import cn.yibao.portal.policy.SupportedRegions;
import cn.yibao.portal.policy.domain.DateRange;
import cn.yibao.portal.resident.domain.Resident;
import java.time.LocalDate;
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
    private final ContributionPayments marks;
    private final ContributionQuotes quotes;
    private final SupportedRegions regions;
    private final BusinessClock clock;

    Coverages(BenefitRecords records, Payments payments, ContributionPayments marks, ContributionQuotes quotes,
              SupportedRegions regions, BusinessClock clock) {
        this.records = records;
        this.payments = payments;
        this.marks = marks;
        this.quotes = quotes;
        this.regions = regions;
        this.clock = clock;
    }

    public Mono<Coverage> of(Resident person, int benefitYear) {
        Mono<List<CoverageRules.Paid>> paidHere = payments.paidContributions(List.of(person.id()), benefitYear)
                .map(paid -> {
                    LocalDate paidOn = LocalDate.ofInstant(paid.paidAt(), clock.zone());
                    DateRange period = quotes.benefitPeriodIfPaidOn(person, benefitYear, paidOn)
                            .orElse(new DateRange(LocalDate.of(benefitYear, 1, 1), LocalDate.of(benefitYear, 12, 31)));
                    return new CoverageRules.Paid(Coverage.Source.PORTAL, paidOn, paid.amountFen(), PORTAL_COLLECTOR,
                            period.start(), period.end());
                })
                .collectList();
        Mono<List<CoverageRules.Paid>> paidElsewhere = records.contributionsPaidElsewhere(person.id(), benefitYear)
                .collectList();
        Mono<Boolean> orderOpen = marks.marks(List.of(person.id()), benefitYear)
                .map(found -> found.containsKey(person.id()) && !found.get(person.id()).paid());
        return Mono.zip(paidHere, paidElsewhere, orderOpen, records.firstFundSettlement(person.id(), benefitYear))
                .map(loaded -> {
                    List<CoverageRules.Paid> paid = new java.util.ArrayList<>(loaded.getT1());
                    paid.addAll(loaded.getT2());
                    return CoverageRules.decide(benefitYear, clock.today(), paid,
                            unpaid(person, benefitYear, loaded.getT3()), loaded.getT4());
                });
    }

    private CoverageRules.Unpaid unpaid(Resident person, int benefitYear, boolean orderOpen) {
        boolean supported = regions.isSupported(person.insuredRegionCode());
        QuoteResult quote = quotes.quoteFor(person, benefitYear, null);
        if (quote instanceof QuoteResult.Quoted quoted) {
            return new CoverageRules.Unpaid(orderOpen, supported, quoted.quote().payable(), quoted.quote().reason());
        }
        String reason = quote instanceof QuoteResult.NoPolicy noPolicy ? noPolicy.reason()
                : ((QuoteResult.Rejected) quote).reason();
        return new CoverageRules.Unpaid(orderOpen, supported, false, reason);
    }
}
