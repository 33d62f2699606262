package cn.yibao.portal.upstream.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JSON Lines: one flat JSON object per line (LF or CRLF); blank lines are skipped. */
public final class JsonLinesFile {

    private JsonLinesFile() {
    }

    public static ParsedFile parse(String text, ImportKind kind) {
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
                values = JsonLine.parse(content);
            } catch (JsonLine.Malformed e) {
                problems.add(new LineProblem(number, null, "不是有效的 JSON 对象：" + e.getMessage() + "。"));
                continue;
            }
            boolean known = true;
            for (String key : values.keySet()) {
                if (!kind.fields().contains(key)) {
                    problems.add(new LineProblem(number, key, "未知字段；" + kind.label() + "的字段为 "
                            + String.join(",", kind.fields()) + "。"));
                    known = false;
                }
            }
            if (known) {
                lines.add(new RawLine(number, values));
            }
        }
        if (records == 0) {
            problems.add(new LineProblem(1, null, "文件中没有数据行。"));
        }
        return new ParsedFile(lines, problems, records);
    }
}
