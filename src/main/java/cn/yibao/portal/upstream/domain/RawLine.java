package cn.yibao.portal.upstream.domain;

import java.util.Map;

/** One record of a file before validation: where it starts and its non-blank values by field name. */
public record RawLine(int line, Map<String, String> values) {

    public RawLine {
        values = Map.copyOf(values);
    }
}
