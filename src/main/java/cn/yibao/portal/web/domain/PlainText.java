package cn.yibao.portal.web.domain;

import cn.yibao.portal.text.domain.Phrase;
import java.util.Optional;

/**
 * What any text a caller sends must be before anything else looks at it: no control characters (PostgreSQL refuses a
 * NUL in text, and none of them belongs in a name, reason or code), and not longer than its field allows.
 */
public final class PlainText {

    private PlainText() {
    }

    /**
     * Why {@code text} is not acceptable for {@code field} ({@code text.too-long}, {@code text.control},
     * {@code text.encoding}, each with the field as its first argument: its name, or a phrase naming it such as "the
     * second item of insured"); empty when it is. Null text is acceptable.
     */
    public static Optional<Phrase> check(Object field, String text, int maxLength) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            return Optional.of(Phrase.of("text.too-long", field, maxLength));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return Optional.of(Phrase.of("text.control", field));
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                return Optional.of(Phrase.of("text.encoding", field));
            }
        }
        return Optional.empty();
    }

    /**
     * The same check worded in Chinese, for the callers that still build their sentences themselves (a form of the
     * payment operator, the filing rules); new callers use {@link #check}.
     */
    public static Optional<String> problem(String field, String text, int maxLength) {
        return check(field, text, maxLength).map(phrase -> switch (phrase.key()) {
            case "text.too-long" -> field + " 不能超过 " + maxLength + " 个字符。";
            case "text.control" -> field + " 含有不允许的控制字符（如 NUL），请只填写可见文字。";
            default -> field + " 含有无效的字符编码。";
        });
    }
}
