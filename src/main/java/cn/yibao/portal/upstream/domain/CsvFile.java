package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.shared.Phrase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV as RFC 4180 writes it: a header row naming the fields, comma-separated values, double quotes around values that
 * hold commas, quotes or line breaks, a quote inside them doubled. Line breaks may be CRLF or LF; blank lines are
 * skipped. Values are trimmed; an empty value counts as absent. Line numbers are the file's physical lines.
 */
public final class CsvFile {

    private CsvFile() {
    }

    /** A record as read: the physical line it starts on and its raw values. */
    record Row(int line, List<String> values) {
    }

    public static ParsedFile parse(String text, ImportKind kind) {
        List<LineProblem> problems = new ArrayList<>();
        List<Row> rows = rows(text, problems);
        if (rows.isEmpty()) {
            problems.add(new LineProblem(1, null, Phrase.of("upstream.problem.csv.empty")));
            return new ParsedFile(List.of(), problems, 0);
        }
        Row header = rows.get(0);
        if (problems.stream().anyMatch(p -> p.line() < header.line())) {
            problems.add(0, new LineProblem(1, null, Phrase.of("upstream.problem.csv.header")));
            return new ParsedFile(List.of(), problems, rows.size());
        }
        int records = rows.size() - 1 + (int) problems.stream().filter(p -> p.line() > header.line()).count();
        List<String> columns = header.values().stream().map(String::strip).toList();
        List<LineProblem> headerProblems = headerProblems(header.line(), columns, kind);
        if (!headerProblems.isEmpty()) {
            problems.addAll(0, headerProblems);
            return new ParsedFile(List.of(), problems, records);
        }
        if (rows.size() == 1 && problems.isEmpty()) {
            problems.add(new LineProblem(header.line(), null, Phrase.of("upstream.problem.csv.headerOnly")));
        }
        List<RawLine> lines = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            if (row.values().size() != columns.size()) {
                problems.add(new LineProblem(row.line(), null,
                        Phrase.of("upstream.problem.csv.columns", row.values().size(), columns.size())));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String value = row.values().get(i).strip();
                if (!value.isEmpty()) {
                    values.put(columns.get(i), value);
                }
            }
            lines.add(new RawLine(row.line(), values));
        }
        problems.sort(LineProblem.IN_FILE_ORDER);
        return new ParsedFile(lines, problems, records);
    }

    private static List<LineProblem> headerProblems(int line, List<String> columns, ImportKind kind) {
        List<LineProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (column.isEmpty()) {
                problems.add(new LineProblem(line, null, Phrase.of("upstream.problem.csv.blankColumn")));
            } else if (!kind.fields().contains(column)) {
                problems.add(new LineProblem(line, column, Phrase.of("upstream.problem.csv.unknownColumn", kind.label(),
                        String.join(",", kind.fields()))));
            } else if (!seen.add(column)) {
                problems.add(new LineProblem(line, column, Phrase.of("upstream.problem.csv.repeatedColumn")));
            }
        }
        for (String field : kind.fields()) {
            if (kind.isRequired(field) && !columns.contains(field)) {
                problems.add(new LineProblem(line, field, Phrase.of("upstream.problem.csv.missingColumn")));
            }
        }
        return problems;
    }

    /** Splits the text into records; a record that breaks the quoting rules becomes a problem and is skipped. */
    static List<Row> rows(String text, List<LineProblem> problems) {
        List<Row> rows = new ArrayList<>();
        int length = text.length();
        int i = 0;
        int line = 1;
        while (i < length) {
            int start = line;
            List<String> values = new ArrayList<>();
            boolean quotedAny = false;
            Phrase error = null;
            while (true) {
                StringBuilder value = new StringBuilder();
                if (i < length && text.charAt(i) == '"') {
                    quotedAny = true;
                    i++;
                    boolean closed = false;
                    while (i < length) {
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < length && text.charAt(i + 1) == '"') {
                                value.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        value.append(c);
                        i++;
                    }
                    if (!closed) {
                        problems.add(new LineProblem(start, null, Phrase.of("upstream.problem.csv.openQuote")));
                        return rows;
                    }
                    if (i < length && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        error = Phrase.of("upstream.problem.csv.afterQuote");
                    }
                } else {
                    while (i < length && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        value.append(text.charAt(i));
                        i++;
                    }
                }
                if (error != null) {
                    while (i < length && text.charAt(i) != '\n') {
                        i++;
                    }
                }
                values.add(value.toString());
                if (error == null && i < length && text.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (i < length && text.charAt(i) == '\r') {
                    i++;
                }
                if (i < length && text.charAt(i) == '\n') {
                    i++;
                    line++;
                }
                break;
            }
            if (error != null) {
                problems.add(new LineProblem(start, null, error));
            } else if (!(values.size() == 1 && !quotedAny && values.get(0).isBlank())) {
                rows.add(new Row(start, values));
            }
        }
        return rows;
    }
}
