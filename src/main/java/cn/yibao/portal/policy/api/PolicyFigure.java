package cn.yibao.portal.policy.api;

import cn.yibao.portal.shared.DateRange;
import cn.yibao.portal.shared.Money;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;

/**
 * One line of the catalog: a parameter for a benefit year and region, who it applies to, its value, how binding it
 * is, and where it comes from. {@code name} and {@code payee} are only used by add-ons.
 */
public record PolicyFigure(Parameter parameter, int benefitYear, String regionCode, String appliesTo, String value,
                           FigureKind kind, Citation citation, String note, String name, String payee) {

    public static final String FULL = "FULL";
    /** A rule that is in force (e.g. 长处方), for KEYWORD parameters that are a plain yes. */
    public static final String YES = "YES";

    /** Diseases named by count, with the names the document lists (it may list fewer: "高血压、糖尿病等5种"). */
    public record Diseases(int count, List<String> names) {

        public Diseases {
            names = List.copyOf(names);
            if (count <= 0 || names.size() > count) {
                throw new IllegalArgumentException("expected <count> or <count>:<name>|<name>… with at most count names");
            }
        }

        /** Whether the document names every disease it counts. */
        public boolean complete() {
            return names.size() == count;
        }
    }

    public boolean hasAmount() {
        return kind != FigureKind.LOCAL_CHOICE && !FULL.equals(value);
    }

    public long amountFen() {
        return Money.fenFromYuan(value);
    }

    public boolean isFull() {
        return FULL.equals(value);
    }

    public DateRange dateRange() {
        return DateRange.parse(value);
    }

    public Period period() {
        return Period.parse(value);
    }

    /** A PERCENT value: a whole number 0–100. */
    public int percent() {
        return parsePercent(value);
    }

    public LocalDate date() {
        return LocalDate.parse(value);
    }

    /** A TEXT_LIST value: items separated by {@code |}. */
    public List<String> items() {
        return parseItems(value);
    }

    public Diseases diseases() {
        return parseDiseases(value);
    }

    public static int parsePercent(String text) {
        if (!text.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("percent must be a whole number 0–100: " + text);
        }
        int percent = Integer.parseInt(text);
        if (percent > 100) {
            throw new IllegalArgumentException("percent must be a whole number 0–100: " + text);
        }
        return percent;
    }

    public static List<String> parseItems(String text) {
        List<String> items = Arrays.stream(text.split("\\|", -1)).map(String::strip).toList();
        if (items.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("empty item in list '" + text + "'");
        }
        return items;
    }

    public static Diseases parseDiseases(String text) {
        String[] parts = text.split(":", 2);
        if (!parts[0].matches("\\d{1,4}")) {
            throw new IllegalArgumentException("expected <count> or <count>:<name>|<name>…, not '" + text + "'");
        }
        return new Diseases(Integer.parseInt(parts[0]), parts.length == 1 ? List.of() : parseItems(parts[1]));
    }
}
