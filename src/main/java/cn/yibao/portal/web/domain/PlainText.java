package cn.yibao.portal.web.domain;

import java.util.Optional;

/**
 * What any text a caller sends must be before anything else looks at it: no control characters (PostgreSQL refuses a
 * NUL in text, and none of them belongs in a name, reason or code), and not longer than its field allows.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why {@code text} is not acceptable for {@code field}, in Chinese; empty when it is. Null text is acceptable. */
    public static Optional<String> problem(String field, String text, int maxLength) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            return Optional.of(field + " 不能超过 " + maxLength + " 个字符。");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return Optional.of(field + " 含有不允许的控制字符（如 NUL），请只填写可见文字。");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                return Optional.of(field + " 含有无效的字符编码。");
            }
        }
        return Optional.empty();
    }
}
