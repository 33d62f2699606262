package cn.yibao.portal.upstream.domain;

import java.util.List;

/**
 * The outcome of checking a batch: all or nothing. With any problem nothing is stored; otherwise each line's change.
 * A batch whose every line is unchanged changes nothing and leaves no batch row.
 */
public record Verdict(int records, List<LineProblem> problems, List<LineDecision> decisions) {

    public Verdict {
        problems = List.copyOf(problems);
        decisions = List.copyOf(decisions);
    }

    public boolean refused() {
        return !problems.isEmpty();
    }

    public int count(Change change) {
        return (int) decisions.stream().filter(decision -> decision.change() == change).count();
    }

    public boolean changesNothing() {
        return !refused() && count(Change.INSERT) == 0 && count(Change.UPDATE) == 0;
    }
}
