package cn.yibao.portal.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogFileTest {

    private static final Set<String> KNOWN = Set.of("000000", "141121");
    private static final String DOCUMENT = "document,测试〔2023〕1号,测试通知,测试局,2023-08-31,141121,seed.txt";

    private static CatalogFile.Parsed parse(String... lines) {
        return CatalogFile.parse("test.csv", List.of(lines), KNOWN::contains);
    }

    @Test
    void readsADocumentAndItsFiguresWithCitations() {
        CatalogFile.Parsed parsed = parse("# comment", DOCUMENT, "",
                "PERSONAL_CONTRIBUTION,2024,141121,ALL,380,EXACT,一（一）,个人缴费380元。");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.document().number()).isEqualTo("测试〔2023〕1号");
        assertThat(parsed.figures()).singleElement().satisfies(figure -> {
            assertThat(figure.amountFen()).isEqualTo(38000);
            assertThat(figure.citation()).isEqualTo(new Citation("测试〔2023〕1号", "一（一）", "141121"));
        });
    }

    @Test
    void anUnknownRegionIsReportedWithFileAndLine() {
        assertThat(parse(DOCUMENT, "PERSONAL_CONTRIBUTION,2024,999999,ALL,380,EXACT,一,").problems())
                .containsExactly("test.csv line 2: unknown region 999999");
    }

    @Test
    void aNegativeAmountIsRefused() {
        assertThat(parse(DOCUMENT, "FISCAL_SUBSIDY,2024,141121,ALL,-640,EXACT,一,").problems())
                .singleElement().asString().startsWith("test.csv line 2: amount must not be negative");
    }

    @Test
    void aFigureWithoutItsClauseIsRefused() {
        assertThat(parse(DOCUMENT, "FISCAL_SUBSIDY,2024,141121,ALL,640,EXACT,,").problems())
                .containsExactly("test.csv line 2: missing clause (the citation)");
    }

    @Test
    void aMistypedAppliesToIsRefusedRatherThanSilentlyFallingBack() {
        assertThat(parse(DOCUMENT, "PERSONAL_CONTRIBUTION,2024,141121,MINORS,300,EXACT,一,").problems())
                .containsExactly("test.csv line 2: unknown applies-to 'MINORS' for PERSONAL_CONTRIBUTION");
    }

    @Test
    void aFileWithoutADocumentLineIsRefused() {
        assertThat(parse("FISCAL_SUBSIDY,2024,141121,ALL,640,EXACT,一,").problems()).singleElement().asString()
                .startsWith("test.csv line 1: the first line must be document");
    }

    @Test
    void anAddOnNeedsItsPayee() {
        assertThat(parse(DOCUMENT, "ADD_ON,2024,141121,ACCIDENT,30,EXACT,一,自愿").problems())
                .containsExactly("test.csv line 2: ADD_ON needs a name and a payee");
    }

    @Test
    void overlappingCollectionWindowsAcrossFilesStopTheCatalog() {
        CatalogFile.Parsed first = parse(DOCUMENT, "COLLECTION_WINDOW,2024,141121,ALL,2023-09-01/2023-12-25,EXACT,一,");
        CatalogFile.Parsed second = CatalogFile.parse("other.csv", List.of(
                "document,测试〔2023〕2号,补充通知,测试局,2023-10-01,141121,seed.txt",
                "COLLECTION_WINDOW,2024,141121,ALL,2023-12-01/2024-01-31,EXACT,一,"), KNOWN::contains);

        assertThatThrownBy(() -> PolicyCatalog.of(List.of(first.document(), second.document()),
                List.of(first.figures().get(0), second.figures().get(0))))
                .hasMessageContaining("collection windows overlap in 141121");
    }

    @Test
    void theSameFigureGivenTwiceStopsTheCatalog() {
        CatalogFile.Parsed parsed = parse(DOCUMENT, "FISCAL_SUBSIDY,2024,141121,ALL,640,EXACT,一,",
                "FISCAL_SUBSIDY,2024,141121,ALL,650,EXACT,二,");

        assertThatThrownBy(() -> PolicyCatalog.of(List.of(parsed.document()), parsed.figures()))
                .hasMessageContaining("is given twice");
    }
}
