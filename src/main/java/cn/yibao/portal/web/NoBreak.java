package cn.yibao.portal.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Keeps dates whole where a sentence wraps on a phone ("2023-12-|25" must not happen, issue #17 item 10): the text is
 * HTML-escaped, then each date (and a time after it) is put in a {@code <span class="nowrap">}. For templates, as the
 * bean {@code noBreak}: {@code th:utext="${@noBreak.dates(text)}"}.
 */
@Component("noBreak")
public final class NoBreak {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?: \\d{2}:\\d{2}(?::\\d{2})?)?");

    /** For templates ({@code @noBreak.dates(…)}): the same as {@link #keepDatesWhole}. */
    public String dates(String text) {
        return keepDatesWhole(text);
    }

    public static String keepDatesWhole(String text) {
        if (text == null) {
            return "";
        }
        Matcher matcher = DATE.matcher(HtmlUtils.htmlEscape(text, "UTF-8"));
        StringBuilder html = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(html, "<span class=\"nowrap\">" + matcher.group() + "</span>");
        }
        matcher.appendTail(html);
        return html.toString();
    }
}
