package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.shared.Money;
import cn.yibao.portal.shared.Phrase;

/**
 * One benefit figure as it applies to a region and year: how binding it is, the number (a percent 0–100 for ratios,
 * fen for deductibles and caps; {@code null} when the standing has no figure), where it comes from, and a note (the
 * document's words, or which levels were searched when it is unpublished; {@code null} for none).
 */
public record Figure(Standing standing, Unit unit, Long value, Citation citation, String regionName, Phrase note) {

    public enum Unit { PERCENT, FEN }

    public Figure {
        if (standing.hasFigure() != (value != null)) {
            throw new IllegalArgumentException(standing + " figure " + (value == null ? "without" : "with") + " a value");
        }
        if (standing != Standing.UNPUBLISHED && citation == null) {
            throw new IllegalArgumentException("a published figure needs its citation");
        }
    }

    static Figure unpublished(Unit unit, Phrase searched) {
        return new Figure(Standing.UNPUBLISHED, unit, null, null, null, searched);
    }

    public boolean known() {
        return value != null;
    }

    /** The figure as a resident reads it: "不低于60%", "300元", "70%左右", "未公布" ({@code benefit.figure.*}). */
    public Phrase display() {
        if (standing == Standing.UNPUBLISHED || standing == Standing.LOCAL_CHOICE) {
            return Phrase.of("benefit.figure." + standing.name());
        }
        Phrase number = unit == Unit.PERCENT ? Phrase.of("benefit.figure.percent", value)
                : Phrase.of("benefit.figure.yuan", Money.yuan(value));
        return Phrase.of("benefit.figure." + standing.name(), number);
    }

    /** The note, or nothing ("") where there is none: for notes inside a sentence. */
    public Object noteOrNothing() {
        return note == null ? "" : note;
    }

    Figure withNote(Phrase more) {
        Phrase joined = note == null ? more : Phrase.of("text.concat", note, more);
        return new Figure(standing, unit, value, citation, regionName, joined);
    }
}
