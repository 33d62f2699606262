package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.policy.domain.Citation;
import cn.yibao.portal.policy.domain.Money;

/**
 * One benefit figure as it applies to a region and year: how binding it is, the number (a percent 0–100 for ratios,
 * fen for deductibles and caps; {@code null} when the standing has no figure), where it comes from, and a Chinese
 * note (the document's words, or which levels were searched when it is unpublished).
 */
public record Figure(Standing standing, Unit unit, Long value, Citation citation, String regionName, String note) {

    public enum Unit { PERCENT, FEN }

    public Figure {
        if (standing.hasFigure() != (value != null)) {
            throw new IllegalArgumentException(standing + " figure " + (value == null ? "without" : "with") + " a value");
        }
        if (standing != Standing.UNPUBLISHED && citation == null) {
            throw new IllegalArgumentException("a published figure needs its citation");
        }
    }

    static Figure unpublished(Unit unit, String searched) {
        return new Figure(Standing.UNPUBLISHED, unit, null, null, null, searched);
    }

    public boolean known() {
        return value != null;
    }

    /** The figure as a resident reads it: "不低于60%", "300元", "70%左右", "未公布". */
    public String display() {
        if (standing == Standing.UNPUBLISHED) {
            return "未公布";
        }
        if (standing == Standing.LOCAL_CHOICE) {
            return "由当地确定";
        }
        String number = unit == Unit.PERCENT ? value + "%" : Money.yuan(value) + "元";
        return switch (standing) {
            case MINIMUM -> "不低于" + number;
            case MAXIMUM -> "不超过" + number;
            case APPROXIMATE -> number + "左右";
            case AVERAGE -> "平均" + number;
            default -> number;
        };
    }

    Figure withNote(String more) {
        String joined = note == null || note.isBlank() ? more : note + more;
        return new Figure(standing, unit, value, citation, regionName, joined);
    }
}
