package cn.yibao.portal.upstream.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The two formats upstream batches come in, told by the declared content type or, failing that, the file name. */
public enum FileFormat {
    JSON_LINES,
    CSV;

    /** Content types that say nothing about the format (curl's default, browsers' guess): the file name decides. */
    private static final Set<String> UNSPECIFIC = Set.of("", "application/octet-stream", "text/plain",
            "application/x-www-form-urlencoded");

    /** The file's records and the lines that could not be read as records; {@code json} reads a JSON Lines line. */
    public ParsedFile parse(String text, ImportKind kind, JsonLinesFile.ObjectReader json) {
        return this == CSV ? CsvFile.parse(text, kind) : JsonLinesFile.parse(text, kind, json);
    }

    /**
     * @param contentType the declared media type, parameters allowed ({@code text/csv; charset=utf-8}); may be null
     * @param fileName    the file's name as the operator gave it; may be null
     * @return the format, or empty when the file is neither JSON Lines nor CSV
     */
    public static Optional<FileFormat> detect(String contentType, String fileName) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        switch (type) {
            case "application/x-ndjson", "application/jsonl", "application/json-lines", "application/ndjson":
                return Optional.of(JSON_LINES);
            case "text/csv", "application/csv":
                return Optional.of(CSV);
            default:
                if (!UNSPECIFIC.contains(type)) {
                    return Optional.empty();
                }
        }
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSON_LINES);
        }
        return name.endsWith(".csv") ? Optional.of(CSV) : Optional.empty();
    }
}
