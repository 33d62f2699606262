package cn.yibao.portal.text;

import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import cn.yibao.portal.shared.WholeTokens;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Says a {@link Phrase} in a language, from the message bundles. */
@Component
public class Phrases {

    /** The language records are kept in: audit details, payment events, refund reasons, reconciliation notes. */
    public static final Locale RECORDS = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    public Phrases(MessageSource messages) {
        this.messages = messages;
    }

    public String say(Phrase phrase, Locale locale) {
        if (phrase == null) {
            return null;
        }
        Object[] args = phrase.args().stream().map(arg -> argument(arg, locale)).toArray();
        return messages.getMessage(phrase.key(), args, locale);
    }

    /**
     * The phrase as a record keeps it (an audit detail, a payment event, a reason sent to a channel): in Chinese,
     * whatever language the person who caused it reads, so every record of the service reads the same.
     */
    public String record(Phrase phrase) {
        return say(phrase, RECORDS);
    }

    /**
     * The phrase as escaped HTML for {@code th:utext}: the same words as {@link #say}, with each {@link Verbatim}
     * (a proper name, a document reference) in a {@code <span lang="zh-CN">}, so an English page marks its Chinese,
     * and each date and amount kept whole on one line ({@link WholeTokens}).
     */
    public String html(Phrase phrase, Locale locale) {
        return phrase == null ? null : WholeTokens.html(marked(phrase, locale));
    }

    /** The phrase said with each verbatim argument marked as Chinese, for {@link WholeTokens#html} to make markup of. */
    private String marked(Phrase phrase, Locale locale) {
        Object[] args = phrase.args().stream().map(arg -> arg instanceof Phrase nested ? marked(nested, locale)
                : arg instanceof Verbatim verbatim ? WholeTokens.zh(verbatim.text()) : argument(arg, locale)).toArray();
        return messages.getMessage(phrase.key(), args, locale);
    }

    /**
     * Nested phrases are said first; numbers and dates go in as written ({@code MessageFormat} would print the year
     * 2024 as "2,024" and a date in the JVM's style); a list is its items joined the language's way ("a、b", "a, b").
     */
    private Object argument(Object arg, Locale locale) {
        if (arg instanceof Phrase nested) {
            return say(nested, locale);
        }
        if (arg instanceof Verbatim verbatim) {
            return verbatim.text();
        }
        if (arg instanceof List<?> items) {
            String separator = messages.getMessage("text.list.separator", null, ", ", locale);
            return items.stream().map(item -> String.valueOf(argument(item, locale)))
                    .collect(Collectors.joining(separator));
        }
        if (arg instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (arg instanceof Number || arg instanceof TemporalAccessor) {
            return arg.toString();
        }
        return arg;
    }

}
