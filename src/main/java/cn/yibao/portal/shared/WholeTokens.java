package cn.yibao.portal.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text made safe for HTML with each date (with its time), masked ID number and amount with its unit wrapped in
 * {@code <span class="num">}, which the stylesheet keeps on one line. Browsers break a line after the hyphens of
 * "2023-12-25", and no CSS property stops that short of {@code nowrap} on an element around the date; the text between
 * tokens ("至", "to") stays breakable so a range still wraps on a narrow phone.
 *
 * <p>A proper name or document reference put into a sentence with {@link #zh} comes out inside
 * {@code <span lang="zh-CN">}, so that on an English page a screen reader reads it in Chinese: the mark survives
 * message formatting (two private-use characters), and only the escaping here turns it into markup.
 */
public final class WholeTokens {

    private static final Pattern TOKEN = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?: \\d{1,2}:\\d{2}(?::\\d{2})?)?"   // a date, perhaps with its time
                    + "|\\d{3}\\*{2,}\\d{3}[\\dXx]"                     // a masked ID number
                    + "|\\d[\\d,]*(?:\\.\\d+)? ?元");                    // an amount with its unit

    private static final char ZH_OPEN = '\uE000';
    private static final char ZH_CLOSE = '\uE001';
    private static final Pattern MARKED = Pattern.compile(ZH_OPEN + "([^" + ZH_OPEN + ZH_CLOSE + "]*)" + ZH_CLOSE);

    private WholeTokens() {
    }

    /** The text marked as Chinese (a name, a place, a document reference) where it has Chinese in it. */
    public static String zh(String text) {
        if (text == null) {
            return "";
        }
        String plain = unmarked(text);
        return plain.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? ZH_OPEN + plain + ZH_CLOSE : plain;
    }

    public static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder html = new StringBuilder(text.length() + 32);
        Matcher marked = MARKED.matcher(text);
        int at = 0;
        while (marked.find()) {
            tokens(unmarked(text.substring(at, marked.start())), html);
            html.append("<span lang=\"zh-CN\">");
            tokens(marked.group(1), html);
            html.append("</span>");
            at = marked.end();
        }
        tokens(unmarked(text.substring(at)), html);
        return html.toString();
    }

    private static String unmarked(String text) {
        return text.replace(String.valueOf(ZH_OPEN), "").replace(String.valueOf(ZH_CLOSE), "");
    }

    private static void tokens(String text, StringBuilder html) {
        Matcher token = TOKEN.matcher(text);
        int at = 0;
        while (token.find()) {
            escape(text, at, token.start(), html);
            html.append("<span class=\"num\">");
            escape(text, token.start(), token.end(), html);
            html.append("</span>");
            at = token.end();
        }
        escape(text, at, text.length(), html);
    }

    private static void escape(String text, int from, int to, StringBuilder html) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }
}
