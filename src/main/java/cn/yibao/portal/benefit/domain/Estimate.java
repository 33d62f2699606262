package cn.yibao.portal.benefit.domain;

import java.util.List;

/**
 * What the fund would pay for a bill and what the resident would pay, with the steps. {@code fundPaysFen} is read
 * through {@code bound} (exact, at most, about); {@code selfPaysFen} is the rest of the expense (so "at least" when
 * the fund's share is "at most"). {@code fundPaysAtLeastFen} is a floor where the published figures give one
 * (e.g. a MINIMUM ratio), for an expense wholly within policy scope; {@code null} where they do not.
 */
public record Estimate(long expenseFen, long fundPaysFen, long selfPaysFen, Bound bound, Long fundPaysAtLeastFen,
                       List<EstimateStep> steps, List<String> notes) {

    public Estimate {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }
}
