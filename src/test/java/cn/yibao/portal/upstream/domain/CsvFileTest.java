package cn.yibao.portal.upstream.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV as RFC 4180 writes it, with the file's physical line numbers in every problem. */
class CsvFileTest {

    private static final String HEADER = "certno,name,status,listedOn,department";

    private static ParsedFile parse(String text) {
        return CsvFile.parse(text, ImportKind.ASSISTANCE);
    }

    @Test
    void aHeaderAndRowsBecomeRecordsByColumnName() {
        ParsedFile file = parse(HEADER + "\n141121196004152121,刘桂芳,MINIMUM_LIVING,2023-09-10,文水县民政局\n");

        assertThat(file.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(file.records()).isEqualTo(1);
        assertThat(file.lines()).containsExactly(new RawLine(2, Map.of("certno", "141121196004152121", "name", "刘桂芳",
                "status", "MINIMUM_LIVING", "listedOn", "2023-09-10", "department", "文水县民政局")));
    }

    @Test
    void quotedValuesMayHoldCommasDoubledQuotesAndLineBreaksAndLineNumbersStayPhysical() {
        ParsedFile file = parse(HEADER + "\r\n"
                + "a,b,c,d,\"民政局,城区\"\r\n"
                + "a,\"say \"\"hi\"\"\",c,d,\"two\r\nlines\"\r\n"
                + "a,b,c,d,e\r\n");

        assertThat(file.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(file.lines()).extracting(RawLine::line).containsExactly(2, 3, 5);
        assertThat(file.lines().get(0).values()).containsEntry("department", "民政局,城区");
        assertThat(file.lines().get(1).values()).containsEntry("name", "say \"hi\"")
                .containsEntry("department", "two\r\nlines");
    }

    @Test
    void blankLinesAreIgnoredAndValuesTrimmedAndEmptyValuesAbsent() {
        ParsedFile file = parse("\n" + HEADER + "\n\n  a , b ,,d,e\n   \n");

        assertThat(file.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(file.records()).isEqualTo(1);
        assertThat(file.lines()).containsExactly(new RawLine(4, Map.of("certno", "a", "name", "b", "listedOn", "d",
                "department", "e")));
    }

    @Test
    void theLastLineNeedsNoLineBreak() {
        assertThat(parse(HEADER + "\na,b,c,d,e").lines()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "too few columns | a,b,c | 本行有 3 列，表头有 5 列",
            "too many columns | a,b,c,d,e,f | 本行有 6 列，表头有 5 列",
            "text after a closing quote | a,\"b\"x,c,d,e | 应紧跟逗号或换行",
            "a quote never closed | a,\"b,c,d,e | 引号没有闭合"})
    void aBrokenRowIsAProblemOnItsLineAndTheOtherRowsAreStillRead(String why, String row, String reason) {
        ParsedFile file = parse(HEADER + "\na,b,c,d,e\n" + row + "\n");

        assertThat(file.problems().stream().map(SaidProblem::of).toList()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.field()).isNull();
            assertThat(problem.reason()).contains(reason);
        });
        assertThat(file.lines()).extracting(RawLine::line).containsExactly(2);
        assertThat(file.records()).isEqualTo(2);
    }

    @Test
    void aWrongHeaderIsReportedOnLineOneAndNoRowIsRead() {
        ParsedFile file = parse("certno,name,state,listedOn,listedOn\na,b,c,d,e\n");

        assertThat(file.lines()).isEmpty();
        assertThat(file.problems().stream().map(SaidProblem::of).toList()).extracting(SaidProblem::line).containsOnly(1);
        assertThat(file.problems().stream().map(SaidProblem::of).toList()).extracting(SaidProblem::field, SaidProblem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("state", "表头中的未知列；资助参保名单的列为 certno,name,status,listedOn,department。"),
                org.assertj.core.groups.Tuple.tuple("listedOn", "表头中的列重复。"),
                org.assertj.core.groups.Tuple.tuple("status", "表头缺少必需的列。"),
                org.assertj.core.groups.Tuple.tuple("department", "表头缺少必需的列。"));
    }

    @Test
    void optionalColumnsMayBeLeftOutOfTheHeader() {
        String header = String.join(",", ImportKind.SETTLEMENTS.fields().stream()
                .filter(field -> !field.equals("prescriptionNo") && !field.equals("reversesSettlementNo")).toList());

        ParsedFile file = CsvFile.parse(header + "\n" + ",".repeat(14) + "\n", ImportKind.SETTLEMENTS);

        assertThat(file.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(file.lines()).hasSize(1);
    }

    @Test
    void aHeaderWithoutRowsIsAProblem() {
        assertThat(parse(HEADER + "\n").problems().stream().map(SaidProblem::of).toList()).extracting(SaidProblem::reason)
                .containsExactly("文件只有表头，没有数据行。");
    }

    @Test
    void rowsAreSplitWithoutTheHeaderRules() {
        List<LineProblem> problems = new java.util.ArrayList<>();

        assertThat(CsvFile.rows("a,\"\"\n\"\",b", problems)).extracting(CsvFile.Row::values)
                .containsExactly(List.of("a", ""), List.of("", "b"));
        assertThat(problems).isEmpty();
    }
}
