package cn.yibao.portal.text;

import cn.yibao.portal.text.domain.Phrase;
import cn.yibao.portal.text.domain.Verbatim;
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

    /** Private-use characters around the index of an argument whose HTML is put in after escaping the sentence. */
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

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
     * The phrase as escaped HTML for {@code th:utext}: the same words as {@link #say}, with each {@link Verbatim}
     * (a proper name, a document reference) in a {@code <span lang="zh-CN">}, so an English page marks its Chinese.
     */
    public String html(Phrase phrase, Locale locale) {
        if (phrase == null) {
            return null;
        }
        List<String> pieces = new ArrayList<>();
        Object[] args = phrase.args().stream().map(arg -> {
            if (arg instanceof Phrase nested) {
                pieces.add(html(nested, locale));
            } else if (arg instanceof Verbatim verbatim) {
                pieces.add("<span lang=\"zh-CN\">" + escape(verbatim.text()) + "</span>");
            } else {
                return argument(arg, locale);
            }
            return OPEN + String.valueOf(pieces.size() - 1) + CLOSE;
        }).toArray();
        String html = escape(messages.getMessage(phrase.key(), args, locale));
        for (int i = 0; i < pieces.size(); i++) {
            html = html.replace(OPEN + String.valueOf(i) + CLOSE, pieces.get(i));
        }
        return html;
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

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
