package cn.yibao.portal.contribution.web;

import static cn.yibao.portal.shared.Money.yuan;

import cn.yibao.portal.contribution.api.Quote;
import cn.yibao.portal.policy.SupportedRegions;
import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Region;
import java.util.List;

/**
 * A quote as pages show it: yuan, dates and region names resolved, nothing left for the template to compute.
 * {@code standing} is the name of the quote's {@code DueStanding}: only EXACT is headed as an amount due.
 */
record QuoteView(String regionName, int benefitYear, String standardYuan, String assistanceYuan, String dueYuan,
                 String standing, String subsidyYuan, List<AddOnView> addOns, boolean payable, Phrase reason, String windowStart,
                 String windowEnd, String benefitStart, String benefitEnd, Integer grade, List<Integer> grades,
                 List<CitationView> citations, List<Phrase> notes, List<Phrase> steps) {

    record AddOnView(String name, String amountYuan, String payee, String note) {
    }

    record CitationView(String document, String clause, String regionName) {
    }

    static QuoteView of(Quote quote, SupportedRegions regions) {
        return new QuoteView(quote.regionName(), quote.benefitYear(), yuan(quote.standardFen()),
                yuan(quote.assistanceFen()), yuan(quote.dueFen()), quote.dueStanding().name(),
                quote.fiscalSubsidyFen() == null ? null : yuan(quote.fiscalSubsidyFen()),
                quote.optionalAddOns().stream().map(a -> new AddOnView(a.name(), yuan(a.amountFen()), a.payee(), a.note()))
                        .toList(),
                quote.payable(), quote.reason(),
                quote.collectionWindow() == null ? null : quote.collectionWindow().start().toString(),
                quote.collectionWindow() == null ? null : quote.collectionWindow().end().toString(),
                quote.benefitStart() == null ? null : quote.benefitStart().toString(),
                quote.benefitEnd() == null ? null : quote.benefitEnd().toString(),
                quote.grade(), quote.availableGrades(),
                quote.citations().stream().map(c -> citation(c, regions)).toList(), quote.notes(), quote.steps());
    }

    private static CitationView citation(Citation citation, SupportedRegions regions) {
        return new CitationView(citation.document(), citation.clause(),
                regions.find(citation.region()).map(Region::name).orElse(citation.region()));
    }
}
