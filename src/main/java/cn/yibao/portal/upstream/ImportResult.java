package cn.yibao.portal.upstream;

import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.upstream.domain.ImportKind;
import cn.yibao.portal.upstream.domain.LineProblem;
import java.util.List;
import java.util.UUID;

/**
 * How an import attempt ended, with a summary ({@code upstream.result.*}) and the report: counts, and the problems (at most the
 * configured number; {@code problemCount} says how many there were in all).
 */
public record ImportResult(Status status, Phrase message, UUID batchId, ImportKind kind, String fileName, int lines,
                           int inserted, int updated, int unchanged, List<LineProblem> problems, int problemCount) {

    public enum Status {
        /** Stored as a batch. */
        STORED,
        /** Every line was already stored as it is: nothing changed, no batch row. */
        UNCHANGED,
        /** Lines break the rules: nothing stored. */
        REFUSED,
        /** Not a UTF-8 text file. */
        UNREADABLE,
        /** Over the size or line limit. */
        TOO_LARGE,
        /** Neither JSON Lines nor CSV. */
        UNSUPPORTED_TYPE
    }

    public ImportResult {
        problems = List.copyOf(problems);
    }

    public boolean stored() {
        return status == Status.STORED;
    }

    /** Problems there were but that the report leaves out. */
    public int omittedProblems() {
        return problemCount - problems.size();
    }

    static ImportResult notAccepted(Status status, Phrase message, ImportKind kind, String fileName) {
        return new ImportResult(status, message, null, kind, fileName, 0, 0, 0, 0, List.of(), 0);
    }
}
