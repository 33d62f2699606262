package cn.yibao.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Keeps dates whole where a sentence wraps on a phone ("2023-12-|25" must not happen, issue #17 item 10): a text cut
 * into pieces, each date (and a time after it) a piece of its own to be put in a {@code <span class="nowrap">}. For
 * templates, as the bean {@code noBreak} (Thymeleaf escapes each piece):
 * {@code <span th:each="p : ${@noBreak.pieces(text)}" th:text="${p.text}" th:classappend="${p.whole} ? nowrap"></span>}.
 */
@Component("noBreak")
public final class NoBreak {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?: \\d{2}:\\d{2}(?::\\d{2})?)?");

    /** A piece of a text: a date to keep whole, or the text between. */
    public record Piece(String text, boolean whole) {
    }

    /** The text in pieces, dates apart; empty for null. */
    public List<Piece> pieces(String text) {
        List<Piece> pieces = new ArrayList<>();
        if (text == null) {
            return pieces;
        }
        Matcher matcher = DATE.matcher(text);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                pieces.add(new Piece(text.substring(at, matcher.start()), false));
            }
            pieces.add(new Piece(matcher.group(), true));
            at = matcher.end();
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at), false));
        }
        return pieces;
    }

    /** The same as HTML, escaped, each date in a no-wrap span (for code that writes HTML itself). */
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
