package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.shared.Phrase;
import java.util.Comparator;

/**
 * Why a line (or the whole file) cannot be imported: the line number in the file (1 = first line, the CSV header),
 * the field it is about ({@code null} for the whole line) and a reason an operator can act on ({@code upstream.problem.*}).
 */
public record LineProblem(int line, String field, Phrase reason) {

    public static final Comparator<LineProblem> IN_FILE_ORDER = Comparator.comparingInt(LineProblem::line);
}
