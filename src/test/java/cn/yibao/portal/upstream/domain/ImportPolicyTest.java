package cn.yibao.portal.upstream.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.policy.api.PolicyFigure;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The pooling area a person is insured in, and the highest personal contribution the catalog publishes for it. */
class ImportPolicyTest {

    private static final ImportPolicy POLICY = TestLines.POLICY;

    private static java.util.List<String> path(String code) {
        return TestLines.REGIONS.pathToNational(code);
    }

    @ParameterizedTest(name = "{0} is insured in the pooling area {1}")
    @CsvSource({
            "141121, 141100",   // 文水县 → 吕梁市 (地市级统筹)
            "141102, 141100",
            "371000, 371000",   // 威海市, insured at city level
            "371002, 371000",
            "110105, 110000",   // 北京市 市辖区: the municipality
            "500101, 500000",   // 重庆市 市辖区: the municipality
            "429004, 429004",   // 仙桃市, 省直辖县级行政区划: its own area
            "140000, 140000"})
    void thePoolingAreaIsTheCityExceptForMunicipalitiesAndCountyCitiesUnderTheProvince(String insured, String area) {
        assertThat(POLICY.poolingArea(path(insured))).isEqualTo(area);
    }

    @ParameterizedTest(name = "insured {0}, facility {1}: inside {2}")
    @CsvSource({
            "141121, 141121, true",
            "141121, 141102, true",    // 离石区, the same city
            "141121, 141100, true",
            "141121, 140106, false",   // 太原市迎泽区
            "141121, 371000, false",
            "110105, 110108, true",
            "429004, 420000, ",        // the province holds the whole area: cannot be told
            "141121, 140000, ",
            "141121, 999999, "})
    void aFacilityIsInsideOutsideOrCannotBeTold(String insured, String facility, Boolean inside) {
        assertThat(POLICY.insidePoolingArea(path(insured), facility)).isEqualTo(Optional.ofNullable(inside));
    }

    static Stream<Arguments> ceilings() {
        return Stream.of(
                // 文医保发〔2023〕10号 一（一）: 380 元 for everyone in 2024.
                Arguments.of("141121", 2024, 38000L, "文医保发〔2023〕10号"),
                // 文医保发〔2023〕10号 一（一）: "个人缴费标准由2023年的350元/人提高到380元/人" (issue #16, item 7)
                Arguments.of("141121", 2023, 35000L, "文医保发〔2023〕10号"),
                // 威医保发〔2023〕38号 一（二）: grades 450 / 650, minors and students 300 — the highest is 650.
                Arguments.of("371002", 2024, 65000L, "威医保发〔2023〕38号"),
                Arguments.of("371000", 2024, 65000L, "威医保发〔2023〕38号"));
    }

    @ParameterizedTest(name = "{0} {1}: {2} fen ({3})")
    @MethodSource("ceilings")
    void theHighestPersonalContributionIsThePoolingAreasOwnHighestFigure(String region, int year, long fen,
                                                                        String document) {
        Optional<PolicyFigure> highest = POLICY.personalContributionCeiling(year, path(region));

        assertThat(highest).hasValueSatisfying(figure -> {
            assertThat(figure.amountFen()).isEqualTo(fen);
            assertThat(figure.citation().document()).isEqualTo(document);
        });
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "210102, 2023, only the national 350 (医保发〔2022〕20号)",
            "371002, 2023, only the national 350 for Weihai's adults (医保发〔2022〕20号)",
            "350102, 2024, Fujian: 不低于380 (a floor) and each pooling area sets its own",
            "370102, 2024, Shandong: 人均380 (an average)",
            "210102, 2024, Liaoning: a provincial figure; the city's own is not published",
            "141121, 2025, no figures for the year"})
    void noCeilingWhereThePoolingAreaPublishesNoFigureOfItsOwn(String region, int year, String why) {
        assertThat(POLICY.personalContributionCeiling(year, path(region))).as(why).isEmpty();
    }

    @Test
    void theFirstBenefitYearIsTheCatalogsFirst() {
        assertThat(POLICY.firstBenefitYear()).isEqualTo(TestLines.CATALOG.benefitYears().get(0)).isEqualTo(2023);
    }
}
