package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.shared.Phrase;

/**
 * A request the estimator refuses, naming the JSON field and saying why ({@link #phrase()}). The API answers 400 with
 * an RFC 9457 problem detail ({@code detail} = the phrase in the request's language, {@code field} = {@link #field()});
 * pages show the phrase.
 */
public final class InvalidEstimateRequest extends RuntimeException {

    private final String field;
    private final transient Phrase phrase;

    public InvalidEstimateRequest(String field, Phrase phrase) {
        super(phrase.key(), null, false, false);
        this.field = field;
        this.phrase = phrase;
    }

    public String field() {
        return field;
    }

    public Phrase phrase() {
        return phrase;
    }
}
