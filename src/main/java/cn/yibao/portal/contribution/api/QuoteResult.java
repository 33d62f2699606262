package cn.yibao.portal.contribution.api;

import cn.yibao.portal.shared.Phrase;

/** A quote, or why there cannot be one. */
public sealed interface QuoteResult {

    record Quoted(Quote quote) implements QuoteResult {
    }

    /** No policy for that region and year (the API answers 404), naming the parameter it is about. */
    record NoPolicy(String parameter, Phrase reason) implements QuoteResult {
    }

    /** A request that does not fit the policy, naming the parameter (the API answers 400). */
    record Rejected(String parameter, Phrase reason) implements QuoteResult {
    }
}
