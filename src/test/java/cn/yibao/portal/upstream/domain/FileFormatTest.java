package cn.yibao.portal.upstream.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The declared type decides the format; when it says nothing (curl's default, a browser's guess) the file name does. */
class FileFormatTest {

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "application/x-ndjson, null, JSON_LINES",
            "application/jsonl, any.txt, JSON_LINES",
            "'application/x-ndjson; charset=utf-8', null, JSON_LINES",
            "text/csv, null, CSV",
            "'text/csv; charset=UTF-8', x.jsonl, CSV",
            "null, 结算.csv, CSV",
            "null, 处方.JSONL, JSON_LINES",
            "application/octet-stream, a.ndjson, JSON_LINES",
            "text/plain, a.csv, CSV",
            "application/x-www-form-urlencoded, a.jsonl, JSON_LINES",
            "null, a.xlsx, null",
            "null, null, null",
            "application/json, a.jsonl, null",
            "image/png, a.csv, null",
            "application/vnd.ms-excel, a.xls, null"})
    void formatFromTypeOrName(String contentType, String fileName, String expected) {
        assertThat(FileFormat.detect(contentType, fileName))
                .isEqualTo(Optional.ofNullable(expected).map(FileFormat::valueOf));
    }
}
