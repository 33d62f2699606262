package cn.yibao.portal.filing.domain;

import static cn.yibao.portal.filing.domain.TestRules.TODAY;
import static cn.yibao.portal.filing.domain.TestRules.application;
import static cn.yibao.portal.filing.domain.TestRules.national;
import static org.assertj.core.api.Assertions.assertThat;
import cn.yibao.portal.text.RealBundles;

import cn.yibao.portal.filing.api.FilingType;
import cn.yibao.portal.filing.api.TypeRules;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 补办: filing after the treatment but before settlement is allowed, for a treatment that already happened. */
class AfterTheFactRuleTest {

    @Test
    void aTreatmentDateInTheFutureIsRefused() {
        FilingApplication tomorrow = application(FilingType.OTHER_TEMPORARY)
                .start(TODAY).treatedOn(TODAY.plusDays(1)).build();

        assertThat(FilingRules.afterTheFactNeedsAPastTreatment(tomorrow, TODAY)).hasValueSatisfying(violation -> {
            assertThat(violation.field()).isEqualTo("treatmentDate");
            assertThat(RealBundles.zh(violation.message())).contains("就医日期").contains("今天");
        });
    }

    @Test
    void aStartAfterTheTreatmentIsRefused() {
        FilingApplication startsLate = application(FilingType.OTHER_TEMPORARY)
                .start(LocalDate.of(2023, 10, 10)).treatedOn(LocalDate.of(2023, 10, 5)).build();

        assertThat(FilingRules.afterTheFactNeedsAPastTreatment(startsLate, TODAY)).hasValueSatisfying(violation -> {
            assertThat(violation.field()).isEqualTo("startDate");
            assertThat(RealBundles.zh(violation.message())).contains("就医日期").contains("2023-10-05");
        });
    }

    @Test
    void aTreatmentTodayStartingTodayIsAllowed() {
        FilingApplication today = application(FilingType.OTHER_TEMPORARY).start(TODAY).treatedOn(TODAY).build();

        assertThat(FilingRules.afterTheFactNeedsAPastTreatment(today, TODAY)).isEmpty();
    }

    @Test
    void aPastTreatmentCoveredFromTheTreatmentDayIsAllowed() {
        LocalDate treatment = LocalDate.of(2023, 9, 20);
        FilingApplication sameDay = application(FilingType.OTHER_TEMPORARY).start(treatment).treatedOn(treatment).build();

        assertThat(FilingRules.afterTheFactNeedsAPastTreatment(sameDay, TODAY)).isEmpty();
    }

    @Test
    void aPastTreatmentStartingEarlierIsAllowedAndTheStartMayLieFarBack() {
        FilingApplication earlier = application(FilingType.OTHER_TEMPORARY)
                .start(LocalDate.of(2023, 9, 1)).treatedOn(LocalDate.of(2023, 9, 20)).build();
        TypeRules rules = national(FilingType.OTHER_TEMPORARY);

        assertThat(rules.maxDaysInPast()).isZero();
        assertThat(FilingRules.afterTheFactNeedsAPastTreatment(earlier, TODAY)).isEmpty();
        assertThat(FilingRules.startNotTooFarBack(earlier, rules, TODAY)).isEmpty();
    }

    @Test
    void decideAcceptsAnAfterTheFactFilingForAPastTreatment() {
        FilingApplication afterTheFact = application(FilingType.OTHER_TEMPORARY)
                .start(LocalDate.of(2023, 9, 1)).end(LocalDate.of(2024, 3, 1)).treatedOn(LocalDate.of(2023, 9, 20))
                .build();

        FilingRules.Decision decision = FilingRules.decide(afterTheFact, national(FilingType.OTHER_TEMPORARY),
                List.of(), TODAY);

        assertThat(decision).isInstanceOfSatisfying(FilingRules.Accepted.class,
                accepted -> assertThat(accepted.startDate()).isEqualTo(LocalDate.of(2023, 9, 1)));
    }
}
