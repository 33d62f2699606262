package cn.yibao.portal.text.domain;

import java.util.Optional;

/**
 * What any text a person sends must be (the same checks as {@code web.domain.PlainText}, said as a {@link Phrase}):
 * no control characters, no broken encoding, not longer than its field allows. {@code field} is the field's name as
 * people read it: a phrase, or the technical name of an import column.
 */
public final class TextProblems {

    private TextProblems() {
    }

    /** Why {@code text} is not acceptable for {@code field}; empty when it is. Null text is acceptable. */
    public static Optional<Phrase> problem(Object field, String text, int maxLength) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            return Optional.of(Phrase.of("text.problem.tooLong", field, maxLength));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return Optional.of(Phrase.of("text.problem.control", field));
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                return Optional.of(Phrase.of("text.problem.encoding", field));
            }
        }
        return Optional.empty();
    }
}
