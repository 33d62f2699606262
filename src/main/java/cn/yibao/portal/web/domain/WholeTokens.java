package cn.yibao.portal.web.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text made safe for HTML with each date (with its time), masked ID number and amount with its unit wrapped in
 * {@code <span class="num">}, which the stylesheet keeps on one line. Browsers break a line after the hyphens of
 * "2023-12-25", and no CSS property stops that short of {@code nowrap} on an element around the date; the text between
 * tokens ("至", "to") stays breakable so a range still wraps on a narrow phone.
 */
public final class WholeTokens {

    private static final Pattern TOKEN = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?: \\d{1,2}:\\d{2}(?::\\d{2})?)?"   // a date, perhaps with its time
                    + "|\\d{3}\\*{2,}\\d{3}[\\dXx]"                     // a masked ID number
                    + "|\\d[\\d,]*(?:\\.\\d+)? ?元");                    // an amount with its unit

    private WholeTokens() {
    }

    public static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder html = new StringBuilder(text.length() + 32);
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
        return html.toString();
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
