package cn.yibao.portal.benefit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.filing.FilingTypesForTests;
import cn.yibao.portal.policy.PolicyCatalogLoader;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.policy.domain.PolicyCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every benefit figure in POLICY.md, each row naming the document and clause it comes from, reproduced through the
 * benefit rules with the real catalog and filing-type files; "未公布" rows assert that a figure is not published.
 */
class BenefitFiguresTest {

    static final RegionCatalog REGIONS = new RegionCatalog();
    static final PolicyCatalog CATALOG = PolicyCatalogLoader.load(PolicyCatalogLoader.LOCATION, REGIONS);

    static BenefitSchedule schedule(String region, int year) {
        return BenefitRules.schedule(CATALOG, REGIONS.pathToNational(region), year,
                RemoteReduction.of(FilingTypesForTests.load(REGIONS).typesFor(region)));
    }

    @ParameterizedTest(name = "{0} {1}: {2} {3}年度 {4} → {7} {8}")
    @CsvFileSource(resources = "/policy/benefit-figures.csv", numLinesToSkip = 1)
    void reproducesThePublishedFigure(String document, String clause, String region, int year, String key,
                                      CareSetting setting, FacilityLevel level, Standing standing, String value,
                                      Long number, String noteContains) {
        BenefitSchedule schedule = schedule(region, year);

        assertThat(schedule.rule(key)).as("rule %s among %s", key, schedule.rules().stream().map(BenefitRule::key).toList())
                .hasValueSatisfying(rule -> {
                    assertThat(rule.standing()).as("standing").isEqualTo(standing);
                    assertThat(rule.value()).as("value").isEqualTo(value);
                    if (standing == Standing.UNPUBLISHED) {
                        assertThat(rule.citation()).as("an unpublished figure cites nothing").isNull();
                        assertThat(rule.regionName()).isNull();
                    } else {
                        assertThat(rule.citation().document()).as("document").isEqualTo(document);
                        assertThat(rule.citation().clause()).as("clause").isEqualTo(clause);
                        assertThat(rule.regionName()).isNotBlank();
                    }
                    if (noteContains != null) {
                        assertThat(rule.note()).as("note").contains(noteContains);
                    }
                });
        if (setting != null) {
            Figure figure = key.contains("RATIO") ? schedule.ratio(setting, level)
                    : key.contains("DEDUCTIBLE") ? schedule.deductible(setting, level) : schedule.annualCap(setting);
            assertThat(figure.standing()).as("typed figure standing").isEqualTo(standing);
            Long expected = number == null ? null
                    : figure.unit() == Figure.Unit.FEN ? Long.valueOf(number * 100) : number;
            assertThat(figure.value()).as("typed figure value (percent or fen)").isEqualTo(expected);
        }
    }

    @Test
    void aGoalForALaterYearDoesNotMakeThatYearQuotable() {
        assertThat(CATALOG.goalYearsAfter(cn.yibao.portal.policy.domain.Parameter.OUTPATIENT_POOLING_CAP, 2024,
                REGIONS.pathToNational("371000"))).containsExactly(2025);

        assertThat(CATALOG.benefitYears()).containsExactly(2023, 2024);
    }

    @Test
    void aFigureForTheNextFundedYearIsNotPresentedAsAGoal() {
        // Wenshui's 300 元 starts in 2024 ("2024年起"), an ordinary funded year: 2023 just has no figure.
        BenefitRule cap2023 = schedule("141121", 2023).rule("OUTPATIENT_ANNUAL_CAP").orElseThrow();

        assertThat(cap2023.standing()).isEqualTo(Standing.UNPUBLISHED);
        assertThat(cap2023.note()).doesNotContain("2024", "300");
    }

    @Test
    void inpatientRatiosAreShownOncePerSettingWhereNoDocumentDistinguishesFacilityLevels() {
        List<String> keys = schedule("141121", 2024).rules().stream().map(BenefitRule::key)
                .filter(key -> key.startsWith("INPATIENT_RATIO")).toList();

        assertThat(keys).containsExactly("INPATIENT_RATIO");
    }
}
