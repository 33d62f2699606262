package cn.yibao.portal.contribution.web;

import cn.yibao.portal.contribution.api.Quote;
import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON of a quote; the mobile app and other services rely on these names. Money in fen. {@code dueStanding} says
 * what {@code dueFen} is (only {@code EXACT} is an amount owed; otherwise it is the standard shown for information, as
 * {@code headline} words it), and {@code whereToPay} where the payment is made when the portal cannot take it.
 */
record QuoteResponse(RegionRef region, int benefitYear, long standardFen, long assistanceFen, long dueFen,
                     String dueStanding, String headline, Long fiscalSubsidyFen, List<AddOnRef> optionalAddOns,
                     boolean payable, String reason, String whereToPay, Window collectionWindow, LocalDate benefitStart,
                     LocalDate benefitEnd, Integer grade, List<Integer> availableGrades, List<Citation> citations,
                     List<String> notes, List<String> steps) {

    record RegionRef(String code, String name) {
    }

    record AddOnRef(String code, String name, long amountFen, String payee, String note) {
    }

    record Window(LocalDate start, LocalDate end) {
    }

    /** {@code say}: the sentences in the request's language. */
    static QuoteResponse of(Quote quote, Function<Phrase, String> say) {
        return new QuoteResponse(new RegionRef(quote.regionCode(), quote.regionName()), quote.benefitYear(),
                quote.standardFen(), quote.assistanceFen(), quote.dueFen(), quote.dueStanding().name(),
                say.apply(quote.headline()), quote.fiscalSubsidyFen(),
                quote.optionalAddOns().stream()
                        .map(a -> new AddOnRef(a.code(), a.name(), a.amountFen(), a.payee(), a.note())).toList(),
                quote.payable(), say.apply(quote.reason()), say.apply(quote.whereToPay()),
                quote.collectionWindow() == null ? null
                        : new Window(quote.collectionWindow().start(), quote.collectionWindow().end()),
                quote.benefitStart(), quote.benefitEnd(), quote.grade(), quote.availableGrades(), quote.citations(),
                quote.notes().stream().map(say).toList(), quote.steps().stream().map(say).toList());
    }
}
