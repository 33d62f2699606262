package cn.yibao.portal.benefit.domain;

/**
 * A request the estimator refuses, naming the JSON field and saying why in Chinese. The API answers 400 with an
 * RFC 9457 problem detail ({@code detail} = the message, {@code field} = {@link #field()}); pages show the message.
 */
public final class InvalidEstimateRequest extends RuntimeException {

    private final String field;

    public InvalidEstimateRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
