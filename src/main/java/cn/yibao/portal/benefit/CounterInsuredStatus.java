package cn.yibao.portal.benefit;

import cn.yibao.portal.benefit.domain.Coverage;
import cn.yibao.portal.contribution.ContributionQuotes;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import cn.yibao.portal.qrcode.InsuredStatus;
import cn.yibao.portal.resident.domain.Resident;
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
    public Mono<String> of(Resident resident) {
        return Flux.fromStream(Stream.of(benefits.currentBenefitYear(), quotes.currentBenefitYear()).distinct())
                .concatMap(year -> coverages.of(resident, year).map(coverage -> line(year, coverage)))
                .collect(Collectors.joining("；"));
    }

    private static String line(int year, Coverage coverage) {
        if (coverage instanceof Coverage.Covered covered) {
            String phase = switch (covered.phase()) {
                case IN_FORCE -> "待遇享受中";
                case NOT_STARTED -> "待遇尚未开始";
                case ENDED -> "待遇期已结束";
            };
            return year + "年度已参保缴费，" + phase + "（待遇期 " + covered.start() + " 至 " + covered.end() + "）";
        }
        if (coverage instanceof Coverage.ShownBySettlements) {
            return year + "年度已参保（有医保基金结算记录，缴费记录尚未同步）";
        }
        return year + "年度未查询到缴费记录";
    }
}
