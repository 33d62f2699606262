package cn.yibao.portal.contribution.domain;

/** A quote, or why there cannot be one. */
public sealed interface QuoteResult {

    record Quoted(Quote quote) implements QuoteResult {
    }

    /** No policy for that region and year (the API answers 404), naming the parameter it is about. */
    record NoPolicy(String parameter, String reason) implements QuoteResult {
    }

    /** A request that does not fit the policy, naming the parameter (the API answers 400). */
    record Rejected(String parameter, String reason) implements QuoteResult {
    }
}
