package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.shared.Phrase;
import java.util.List;

/**
 * What the fund would pay for a bill and what the resident would pay, with the steps, for an expense wholly within
 * policy scope.
 *
 * <ul>
 *   <li>{@code fundPaysFen} is read through {@code bound}: exact, a true ceiling (AT_MOST), or an "about" figure
 *       (APPROXIMATE, where the ratio is a target level such as "70%左右", which a bill may exceed);</li>
 *   <li>{@code selfPaysFen} is the rest of the expense: exact, "at least" (only when the fund's share is a true
 *       ceiling), or "about";</li>
 *   <li>{@code fundPaysAtLeastFen} is a floor where the published figures give one (e.g. a MINIMUM ratio), {@code null}
 *       where they do not (never with an APPROXIMATE bound);</li>
 *   <li>{@code fundPaysAtMostFen} is always a true ceiling: every figure that is unpublished, a minimum or a target
 *       level counted at its most favourable (ratio 100%, deductible 0, no cap). It equals {@code fundPaysFen} unless
 *       the bound is APPROXIMATE;</li>
 *   <li>{@code fundPaysFromFen} is the low end of an "about" range: out of area a target-level ratio may be lowered by
 *       at most the largest published reduction, so the headline reads "基金约支付 5000 至 7000 元" — from the largest
 *       reduction to none ({@code fundPaysFen}). It equals {@code fundPaysFen} wherever the answer is one figure.</li>
 * </ul>
 * Always {@code 0 ≤ fundPaysAtLeastFen ≤ fundPaysFromFen ≤ fundPaysFen ≤ fundPaysAtMostFen ≤ expenseFen}.
 */
public record Estimate(long expenseFen, long fundPaysFen, long selfPaysFen, Bound bound, Long fundPaysAtLeastFen,
                       List<EstimateStep> steps, List<Phrase> notes, long fundPaysAtMostFen, long fundPaysFromFen) {

    public Estimate {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
        long floor = fundPaysAtLeastFen == null ? 0 : fundPaysAtLeastFen;
        if (floor < 0 || floor > fundPaysFromFen || fundPaysFromFen > fundPaysFen || fundPaysFen > fundPaysAtMostFen
                || fundPaysAtMostFen > expenseFen || fundPaysFen + selfPaysFen != expenseFen) {
            throw new IllegalArgumentException("inconsistent estimate: at least " + fundPaysAtLeastFen + ", from "
                    + fundPaysFromFen + ", fund " + fundPaysFen + ", at most " + fundPaysAtMostFen + ", self "
                    + selfPaysFen + ", expense " + expenseFen);
        }
        if (bound != Bound.APPROXIMATE && fundPaysAtMostFen != fundPaysFen) {
            throw new IllegalArgumentException(bound + " estimate whose ceiling differs from its amount");
        }
        if (bound != Bound.APPROXIMATE && fundPaysFromFen != fundPaysFen) {
            throw new IllegalArgumentException(bound + " estimate given as a range");
        }
    }

    /** Whether the headline is a range ("约 5000 至 7000 元") rather than one figure. */
    public boolean isRange() {
        return fundPaysFromFen < fundPaysFen;
    }
}
