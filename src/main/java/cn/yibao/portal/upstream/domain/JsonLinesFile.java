package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.shared.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines: one flat JSON object per line (LF or CRLF); blank lines are skipped. The JSON of a line is read by an
 * {@link ObjectReader} the caller passes in (a JSON library, which domain code does not use).
 */
public final class JsonLinesFile {

    private JsonLinesFile() {
    }

    /** Reads one line as a flat JSON object. */
    @FunctionalInterface
    public interface ObjectReader {

        /**
         * The object's fields in file order: numbers and booleans keep their JSON text ({@code 12000}, {@code true})
         * so that the field rules decide what is valid; null counts as absent.
         *
         * @throws NotAnObject when the line is not one JSON object, names a field twice, or has an object or array as
         *                     a value (no upstream field has one)
         */
        Map<String, String> fields(String line) throws NotAnObject;
    }

    /** Why a line is not a flat JSON object ({@code upstream.problem.json.*}). */
    public static final class NotAnObject extends Exception {

        private final transient Phrase reason;

        public NotAnObject(Phrase reason) {
            super(reason.key(), null, false, false);
            this.reason = reason;
        }

        public Phrase reason() {
            return reason;
        }
    }

    public static ParsedFile parse(String text, ImportKind kind, ObjectReader json) {
        List<RawLine> lines = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        int records = 0;
        String[] physical = text.split("\n", -1);
        for (int i = 0; i < physical.length; i++) {
            String content = physical[i];
            if (content.isBlank()) {
                continue;
            }
            records++;
            int number = i + 1;
            Map<String, String> values;
            try {
                values = json.fields(content);
            } catch (NotAnObject e) {
                problems.add(new LineProblem(number, null, Phrase.of("upstream.problem.json.notAnObject", e.reason())));
                continue;
            }
            boolean known = true;
            for (String key : values.keySet()) {
                if (!kind.fields().contains(key)) {
                    problems.add(new LineProblem(number, key, Phrase.of("upstream.problem.json.unknownField", kind.label(),
                            String.join(",", kind.fields()))));
                    known = false;
                }
            }
            if (known) {
                lines.add(new RawLine(number, values));
            }
        }
        if (records == 0) {
            problems.add(new LineProblem(1, null, Phrase.of("upstream.problem.json.empty")));
        }
        return new ParsedFile(lines, problems, records);
    }
}
