package cn.yibao.portal.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Chinese (Han characters, and the full-width punctuation of Chinese text) that a page shows in English mode outside an element marked {@code lang="zh-CN"}: each text a person
 * sees or hears (the title, every text node, and the attributes read out or shown — {@code alt}, {@code aria-label},
 * {@code placeholder}, {@code title}, a button's {@code value}…), with the CSS path of its element so that it is
 * easy to find. The nearest {@code lang} wins, as for a screen reader: English inside a Chinese name stays English.
 */
public final class ChineseOutsideZh {

    /** Attributes people see or hear. */
    private static final Set<String> SHOWN = Set.of("alt", "aria-label", "aria-description", "aria-roledescription",
            "aria-valuetext", "placeholder", "title", "label");

    private ChineseOutsideZh() {
    }

    /** One offending text: the element's CSS path (with the attribute when it is one) and the text. */
    public record Finding(String where, String text) {
        @Override
        public String toString() {
            return where + " : \"" + (text.length() > 120 ? text.substring(0, 120) + "…" : text) + "\"";
        }
    }

    public static List<Finding> in(String html) {
        return in(Jsoup.parse(html));
    }

    public static List<Finding> in(Document page) {
        List<Finding> found = new ArrayList<>();
        page.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text && hasHan(text.text()) && !inChinese(text.parent())) {
                    found.add(new Finding(path(text.parent()), text.text().strip()));
                } else if (node instanceof Element element) {
                    for (Attribute attribute : element.attributes()) {
                        if (shown(element, attribute.getKey()) && hasHan(attribute.getValue()) && !inChinese(element)) {
                            found.add(new Finding(path(element) + "[" + attribute.getKey() + "]", attribute.getValue()));
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
            }
        });
        return found;
    }

    private static boolean shown(Element element, String attribute) {
        if (SHOWN.contains(attribute)) {
            return true;
        }
        if (!attribute.equals("value")) {
            return false;
        }
        String type = element.attr("type").toLowerCase(Locale.ROOT);
        return element.normalName().equals("input") && (type.equals("submit") || type.equals("button")
                || type.equals("reset"));
    }

    /** The nearest {@code lang} says zh-CN (the page's own {@code <html lang>} included). */
    private static boolean inChinese(Node node) {
        for (Node at = node; at != null; at = at.parentNode()) {
            if (at instanceof Element element && element.hasAttr("lang")) {
                return element.attr("lang").equalsIgnoreCase("zh-CN");
            }
        }
        return false;
    }

    private static String path(Node node) {
        return node instanceof Element element ? element.cssSelector() : "(document)";
    }

    /** Han characters, or the punctuation of Chinese text (、。，：（）「」〔〕…), which reads wrong in English. */
    public static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF));
    }
}
