package cn.yibao.portal.upstream.domain;

import java.util.List;

/**
 * What a file holds: its readable records, problems found while reading (bad quoting, bad JSON, a wrong header…),
 * and how many records it has in all, readable or not (the report's line count; a CSV header is not a record).
 */
public record ParsedFile(List<RawLine> lines, List<LineProblem> problems, int records) {

    public ParsedFile {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }
}
