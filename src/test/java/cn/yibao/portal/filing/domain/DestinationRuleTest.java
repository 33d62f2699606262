package cn.yibao.portal.filing.domain;

import static cn.yibao.portal.filing.domain.TestRules.application;
import static org.assertj.core.api.Assertions.assertThat;
import cn.yibao.portal.text.RealBundles;

import cn.yibao.portal.filing.api.FilingType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 异地 means another pooling area: not the insured region itself, nor a region containing it or inside it. */
class DestinationRuleTest {

    private static FilingRules.Violation refusal(TestRules.Draft draft) {
        return FilingRules.destinationIsAnotherPoolingArea(draft.build()).orElseThrow(
                () -> new AssertionError("expected the destination to be refused"));
    }

    @Test
    void shenyangResidentMayFileForFuzhou() {
        FilingApplication toFuzhou = application(FilingType.OTHER_TEMPORARY)
                .insured("210100", "210000", "000000").destination("350100", "350000", "000000").build();

        assertThat(FilingRules.destinationIsAnotherPoolingArea(toFuzhou)).isEmpty();
    }

    @Test
    void wenshuiResidentMayFileForTaiyuanInTheSameProvince() {
        FilingApplication toTaiyuan = application(FilingType.OTHER_TEMPORARY)
                .insured("141121", "141100", "140000", "000000").destination("140100", "140000", "000000").build();

        assertThat(FilingRules.destinationIsAnotherPoolingArea(toTaiyuan)).isEmpty();
    }

    @Test
    void shenyangResidentCannotFileForShenyangItself() {
        FilingRules.Violation violation = refusal(application(FilingType.OTHER_TEMPORARY)
                .insured("210100", "210000", "000000").destination("210100", "210000", "000000"));

        assertThat(violation.field()).isEqualTo("destination");
        assertThat(RealBundles.zh(violation.message())).contains("参保地");
    }

    @Test
    void shenyangResidentCannotFileForACountyInsideShenyang() {
        FilingRules.Violation violation = refusal(application(FilingType.OTHER_TEMPORARY)
                .insured("210100", "210000", "000000").destination("210102", "210100", "210000", "000000"));

        assertThat(violation.field()).isEqualTo("destination");
        assertThat(RealBundles.zh(violation.message())).contains("参保地");
    }

    @Test
    void destinationMustBeACityNotOnlyAProvince() {
        FilingRules.Violation violation = refusal(application(FilingType.OTHER_TEMPORARY)
                .insured("210100", "210000", "000000").destination("350000", "000000"));

        assertThat(violation.field()).isEqualTo("destination");
        assertThat(RealBundles.zh(violation.message())).contains("市");
    }

    @Test
    void wenshuiCountyResidentCannotFileForItsOwnCityLvliang() {
        FilingRules.Violation violation = refusal(application(FilingType.OTHER_TEMPORARY)
                .insured("141121", "141100", "140000", "000000").destination("141100", "140000", "000000"));

        assertThat(violation.field()).isEqualTo("destination");
        assertThat(RealBundles.zh(violation.message())).contains("参保地");
    }

    @Test
    void decideRefusesAFilingForTheInsuredRegionItself() {
        FilingApplication toShenyang = application(FilingType.OTHER_TEMPORARY)
                .destination("210100", "210000", "000000").end(TestRules.TODAY.plusMonths(6)).build();

        FilingRules.Decision decision = FilingRules.decide(toShenyang, TestRules.national(FilingType.OTHER_TEMPORARY),
                List.of(), TestRules.TODAY);

        assertThat(decision).isInstanceOfSatisfying(FilingRules.Refused.class,
                refused -> assertThat(refused.violation().field()).isEqualTo("destination"));
    }
}
