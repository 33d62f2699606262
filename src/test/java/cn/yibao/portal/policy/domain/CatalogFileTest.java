package cn.yibao.portal.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.policy.api.FigureKind;
import cn.yibao.portal.policy.api.PolicyCatalog;
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

    @Test
    void readsBenefitFiguresWithPercentsDatesListsAndDiseaseCounts() {
        CatalogFile.Parsed parsed = parse(DOCUMENT,
                "INPATIENT_FUND_RATIO,2024,141121,PRIMARY,85,MINIMUM,二,不低于85%。",
                "INPATIENT_FUND_RATIO,2024,141121,ALL,70,APPROXIMATE,二,稳定在70%左右。",
                "TWO_DISEASE_COVERAGE_FROM,2024,141121,ALL,2023-09-01,EXACT,二,",
                "CHRONIC_MEDICATION_EXTENSION,2024,141121,ALL,冠心病|脑卒中,EXACT,二,",
                "REMOTE_DIRECT_SETTLEMENT_DISEASES,2024,141121,CROSS_PROVINCE,5:高血压|糖尿病,EXACT,八,");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.figures().get(0).percent()).isEqualTo(85);
        assertThat(parsed.figures().get(1).kind()).isEqualTo(FigureKind.APPROXIMATE);
        assertThat(parsed.figures().get(2).date()).isEqualTo(java.time.LocalDate.of(2023, 9, 1));
        assertThat(parsed.figures().get(3).items()).containsExactly("冠心病", "脑卒中");
        assertThat(parsed.figures().get(4).diseases()).satisfies(diseases -> {
            assertThat(diseases.count()).isEqualTo(5);
            assertThat(diseases.names()).containsExactly("高血压", "糖尿病");
            assertThat(diseases.complete()).isFalse();
        });
    }

    @Test
    void aPercentAbove100OrWithDecimalsIsRefused() {
        assertThat(parse(DOCUMENT, "TWO_DISEASE_RATIO,2024,141121,ALL,160,MINIMUM,二,",
                "TWO_DISEASE_RATIO,2024,141121,PRIMARY,60.5,MINIMUM,二,").problems())
                .containsExactly("test.csv line 2: percent must be a whole number 0–100: 160",
                        "test.csv line 3: percent must be a whole number 0–100: 60.5");
    }

    @Test
    void aFacilityLevelMustBeOneTheBenefitRulesKnow() {
        assertThat(parse(DOCUMENT, "INPATIENT_FUND_RATIO,2024,141121,BASE,85,MINIMUM,二,").problems())
                .containsExactly("test.csv line 2: unknown applies-to 'BASE' for INPATIENT_FUND_RATIO");
    }

    @Test
    void onlyNumbersCanBeFloorsOrTargets() {
        assertThat(parse(DOCUMENT, "TWO_DISEASE_COVERAGE_FROM,2024,141121,ALL,2023-09-01,APPROXIMATE,二,").problems())
                .containsExactly("test.csv line 2: APPROXIMATE needs a number; TWO_DISEASE_COVERAGE_FROM is EXACT or LOCAL_CHOICE");
    }

    @Test
    void aDiseaseListCannotNameMoreDiseasesThanItCounts() {
        assertThat(parse(DOCUMENT, "REMOTE_DIRECT_SETTLEMENT_DISEASES,2024,141121,IN_PROVINCE,1:高血压|糖尿病,EXACT,七,")
                .problems()).singleElement().asString().contains("at most count names");
    }

    @Test
    void benefitFiguresNeverMakeAYearPayable() {
        CatalogFile.Parsed parsed = parse(DOCUMENT, "PERSONAL_CONTRIBUTION,2024,141121,ALL,380,EXACT,一,",
                "OUTPATIENT_POOLING_CAP,2025,141121,ALL,300,MINIMUM,二,到2025年不低于300元。");

        assertThat(PolicyCatalog.of(List.of(parsed.document()), parsed.figures()).benefitYears()).containsExactly(2024);
    }
}
