package cn.yibao.portal.benefit.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * An amount in yuan as a resident types it on a phone: "5000", "5000元", "￥5,000.50", "５０００", "5 000 元".
 * Full-width digits and punctuation count as their ASCII forms; a currency sign before or 元/圆/块 after are allowed;
 * thousands may be grouped by commas (also "，") or spaces only in real groups of three, so "50,00" stays refused
 * rather than guessed. At most two decimals and nine digits before the point; nothing negative.
 */
public final class TypedYuan {

    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:([,' ])\\d{3})?(?:\\2\\d{3})*|\\d+)(?:\\.(\\d{1,2}))?");
    private static final int MAX_INTEGER_DIGITS = 9;

    /** What people type before and after an amount (longest first): read, never shown. */
    private static final List<String> CURRENCY_SIGNS = List.of("￥", "¥", "RMB", "rmb", "人民币");
    private static final List<String> UNITS = List.of("元整", "元", "圆", "块钱", "块");

    private TypedYuan() {
    }

    /** The amount in fen, or empty when the text is not an amount read this way. */
    public static OptionalLong toFen(String typed) {
        if (typed == null) {
            return OptionalLong.empty();
        }
        String text = unit(currency(ascii(typed).strip()).strip()).strip();
        java.util.regex.Matcher matcher = NUMBER.matcher(text);
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        String whole = matcher.group(1).replaceAll("[,' ]", "");
        if (whole.length() > MAX_INTEGER_DIGITS) {
            return OptionalLong.empty();
        }
        String decimals = matcher.group(3);
        BigDecimal amount = new BigDecimal(decimals == null ? whole : whole + "." + decimals);
        return OptionalLong.of(amount.movePointRight(2).longValueExact());
    }

    /** Full-width digits, point, comma and spaces as ASCII; the Chinese comma as a comma. */
    private static String ascii(String typed) {
        StringBuilder out = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF19') {
                out.append((char) ('0' + (c - '\uFF10')));
            } else if (c == '\uFF0E') {
                out.append('.');
            } else if (c == '\uFF0C' || c == '\u3001') {
                out.append(',');
            } else if (c == '\u3000' || c == '\u00A0' || c == '\u202F' || c == '\u2009') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String currency(String text) {
        for (String sign : CURRENCY_SIGNS) {
            if (text.startsWith(sign)) {
                return text.substring(sign.length());
            }
        }
        return text;
    }

    private static String unit(String text) {
        for (String unit : UNITS) {
            if (text.endsWith(unit)) {
                return text.substring(0, text.length() - unit.length());
            }
        }
        return text;
    }
}
