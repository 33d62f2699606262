package cn.yibao.portal.contribution.web;

import cn.yibao.portal.contribution.domain.Quote;
import cn.yibao.portal.policy.domain.Citation;
import java.time.LocalDate;
import java.util.List;

/** The JSON of a quote; the mobile app and other services rely on these names. Money in fen. */
record QuoteResponse(RegionRef region, int benefitYear, long standardFen, long assistanceFen, long dueFen,
                     Long fiscalSubsidyFen, List<AddOnRef> optionalAddOns, boolean payable, String reason,
                     Window collectionWindow, LocalDate benefitStart, LocalDate benefitEnd, Integer grade,
                     List<Integer> availableGrades, List<Citation> citations, List<String> notes, List<String> steps) {

    record RegionRef(String code, String name) {
    }

    record AddOnRef(String code, String name, long amountFen, String payee, String note) {
    }

    record Window(LocalDate start, LocalDate end) {
    }

    static QuoteResponse of(Quote quote) {
        return new QuoteResponse(new RegionRef(quote.regionCode(), quote.regionName()), quote.benefitYear(),
                quote.standardFen(), quote.assistanceFen(), quote.dueFen(), quote.fiscalSubsidyFen(),
                quote.optionalAddOns().stream()
                        .map(a -> new AddOnRef(a.code(), a.name(), a.amountFen(), a.payee(), a.note())).toList(),
                quote.payable(), quote.reason(),
                quote.collectionWindow() == null ? null
                        : new Window(quote.collectionWindow().start(), quote.collectionWindow().end()),
                quote.benefitStart(), quote.benefitEnd(), quote.grade(), quote.availableGrades(), quote.citations(),
                quote.notes(), quote.steps());
    }
}
