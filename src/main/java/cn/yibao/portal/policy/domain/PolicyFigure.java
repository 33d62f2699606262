package cn.yibao.portal.policy.domain;

import java.time.Period;

/**
 * One line of the catalog: a parameter for a benefit year and region, who it applies to, its value, how binding it
 * is, and where it comes from. {@code name} and {@code payee} are only used by add-ons.
 */
public record PolicyFigure(Parameter parameter, int benefitYear, String regionCode, String appliesTo, String value,
                           FigureKind kind, Citation citation, String note, String name, String payee) {

    public static final String FULL = "FULL";

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
}
