package cn.yibao.portal.benefit.domain;

import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.filing.FilingTypesForTests;
import cn.yibao.portal.policy.PolicyCatalogLoader;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.policy.api.PolicyCatalog;
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
                    assertThat(say(rule.value())).as("value").isEqualTo(value);
                    if (standing == Standing.UNPUBLISHED) {
                        assertThat(rule.citation()).as("an unpublished figure cites nothing").isNull();
                        assertThat(rule.regionName()).isNull();
                    } else {
                        assertThat(rule.citation().document()).as("document").isEqualTo(document);
                        assertThat(rule.citation().clause()).as("clause").isEqualTo(clause);
                        assertThat(rule.regionName()).isNotBlank();
                    }
                    if (noteContains != null) {
                        assertThat(say(rule.note())).as("note").contains(noteContains);
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
        assertThat(CATALOG.goalYearsAfter(cn.yibao.portal.policy.api.Parameter.OUTPATIENT_POOLING_CAP, 2024,
                REGIONS.pathToNational("371000"))).containsExactly(2025);

        assertThat(CATALOG.benefitYears()).containsExactly(2023, 2024);
    }

    @Test
    void aFigureForTheNextFundedYearIsNotPresentedAsAGoal() {
        // Wenshui's 300 元 starts in 2024 ("2024年起"), an ordinary funded year: 2023 just has no figure.
        BenefitRule cap2023 = schedule("141121", 2023).rule("OUTPATIENT_ANNUAL_CAP").orElseThrow();

        assertThat(cap2023.standing()).isEqualTo(Standing.UNPUBLISHED);
        assertThat(say(cap2023.note())).doesNotContain("2024", "300");
    }

    @Test
    void inpatientRatiosAreShownOncePerSettingWhereNoDocumentDistinguishesFacilityLevels() {
        List<String> keys = schedule("141121", 2024).rules().stream().map(BenefitRule::key)
                .filter(key -> key.startsWith("INPATIENT_RATIO")).toList();

        assertThat(keys).containsExactly("INPATIENT_RATIO");
    }

    @Test
    void fujiansCardioCerebrovascularLineIsOutpatientChronicDiseaseCoverNotTheTwoDiseaseMedicationScheme() {
        BenefitSchedule fuzhou = schedule("350100", 2024);

        BenefitRule chronic = fuzhou.rule("OUTPATIENT_CHRONIC_DISEASES").orElseThrow();
        assertThat(chronic.setting()).as("a general rule, not two-disease medication").isNull();
        assertThat(say(chronic.name())).contains("门诊慢特病");
        assertThat(chronic.citation().document()).isEqualTo("闽医保〔2023〕78号");
        assertThat(say(chronic.note())).contains("门诊慢特病保障").doesNotContain("门诊用药保障");

        BenefitRule extension = fuzhou.rule("CHRONIC_MEDICATION_EXTENSION").orElseThrow();
        assertThat(extension.setting()).isEqualTo(CareSetting.TWO_DISEASE);
        assertThat(extension.citation().document()).as("only the national notice speaks of extending the scheme")
                .isEqualTo("医保发〔2023〕24号");
        assertThat(fuzhou.rules()).filteredOn(rule -> rule.citation() != null
                        && rule.citation().document().equals("闽医保〔2023〕78号"))
                .noneSatisfy(rule -> assertThat(say(rule.name())).contains("门诊用药保障"));
    }

    @ParameterizedTest(name = "{0} {1}年度")
    @org.junit.jupiter.params.provider.CsvSource({"141121, 2023", "141121, 2024", "371000, 2024", "371000, 2025",
            "210100, 2023", "210100, 2024", "350100, 2024"})
    void noRuleOrFigureShowsUnpublishedBesideANumber(String region, int year) {
        BenefitSchedule schedule = schedule(region, year);

        assertThat(schedule.rules()).allSatisfy(rule -> {
            if (rule.standing() == Standing.UNPUBLISHED) {
                assertThat(say(rule.value())).as(rule.key()).isEqualTo("未公布");
                assertThat(rule.citation()).as(rule.key()).isNull();
            } else {
                assertThat(say(rule.value())).as(rule.key()).doesNotContain("未公布");
            }
            if (rule.standing() == Standing.LOCAL_CHOICE) {
                assertThat(say(rule.value())).as(rule.key()).endsWith("由当地确定");
            }
        });
        for (CareSetting setting : CareSetting.values()) {
            for (FacilityLevel level : FacilityLevel.values()) {
                for (Figure figure : List.of(schedule.ratio(setting, level), schedule.deductible(setting, level),
                        schedule.annualCap(setting))) {
                    assertThat(figure.known()).as("%s", figure).isEqualTo(figure.standing().hasFigure());
                    if (figure.known()) {
                        assertThat(say(figure.display())).as("%s", figure).doesNotContain("未公布", "由当地确定")
                                .containsPattern("[0-9]");
                    } else {
                        assertThat(say(figure.display())).as("%s", figure).isIn("未公布", "由当地确定");
                    }
                }
            }
        }
    }
}
