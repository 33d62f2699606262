package cn.yibao.portal.web.api;

import cn.yibao.portal.shared.Phrase;
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
}
