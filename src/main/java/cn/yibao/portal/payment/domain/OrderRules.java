package cn.yibao.portal.payment.domain;

import cn.yibao.portal.contribution.api.DueStanding;
import cn.yibao.portal.contribution.api.Quote;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Whether an order may be placed, and for how much: each person's amount is the contribution due from the quote at
 * creation time — the client never sets it — and only a published exact amount ({@link DueStanding#EXACT}) that the
 * quote says is payable that day is ever charged. Pure: the caller loads the quotes and the people's payment state.
 */
public final class OrderRules {

    /** One person the payer asked to pay for, with what is known about them for the year. */
    public record Candidate(UUID insuredId, String maskedName, QuoteResult quote, boolean alreadyPaid,
                            boolean inOpenOrder) {
    }

    public record Line(UUID insuredId, long amountFen, Quote quote) {
    }

    public sealed interface Decision {
    }

    public record Plan(List<Line> lines, long totalFen) implements Decision {
    }

    /** {@code conflict}: the refusal is about existing orders (the API answers 409), otherwise 422. */
    public record Refused(String field, Phrase message, boolean conflict) implements Decision {
    }

    private OrderRules() {
    }

    public static Decision plan(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return new Refused("insured", Phrase.of("order.refused.nobody"), false);
        }
        Set<UUID> seen = new HashSet<>();
        List<Line> lines = new ArrayList<>();
        long total = 0;
        for (Candidate candidate : candidates) {
            if (!seen.add(candidate.insuredId())) {
                return new Refused("insured", Phrase.of("order.refused.twice", new Verbatim(candidate.maskedName())), false);
            }
            if (candidate.alreadyPaid()) {
                return new Refused("insured", Phrase.of("order.refused.paid", new Verbatim(candidate.maskedName())), true);
            }
            if (candidate.inOpenOrder()) {
                return new Refused("insured", Phrase.of("order.refused.open", new Verbatim(candidate.maskedName())), true);
            }
            if (candidate.quote() instanceof QuoteResult.NoPolicy noPolicy) {
                return new Refused("insured", Phrase.of("order.refused.quote", new Verbatim(candidate.maskedName()), noPolicy.reason()), false);
            }
            if (candidate.quote() instanceof QuoteResult.Rejected rejected) {
                return new Refused(rejected.parameter(), Phrase.of("order.refused.quote", new Verbatim(candidate.maskedName()),
                        rejected.reason()), false);
            }
            Quote quote = ((QuoteResult.Quoted) candidate.quote()).quote();
            if (!quote.payable()) {
                return new Refused("year", Phrase.of("order.refused.quote", new Verbatim(candidate.maskedName()), quote.reason()), false);
            }
            if (quote.dueStanding() != DueStanding.EXACT) {
                // The calculator never makes such a quote payable; a floor, an average or a fallback is never charged.
                return new Refused("insured", Phrase.of("order.refused.notExact", new Verbatim(candidate.maskedName()), quote.headline()),
                        false);
            }
            if (quote.dueFen() <= 0) {
                return new Refused("insured", Phrase.of("order.refused.funded", new Verbatim(candidate.maskedName())), false);
            }
            lines.add(new Line(candidate.insuredId(), quote.dueFen(), quote));
            total = Math.addExact(total, quote.dueFen());
        }
        return new Plan(List.copyOf(lines), total);
    }
}
