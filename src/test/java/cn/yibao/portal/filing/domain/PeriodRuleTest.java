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

/**
 * The period: the end lies after the start; temporary filings are valid for at least 6 months and default to
 * 6 months; long-term filings are open-ended unless an end is given (医保发〔2022〕22号).
 */
class PeriodRuleTest {

    private static final LocalDate START = LocalDate.of(2023, 10, 15);
    private final TypeRules temporary = national(FilingType.OTHER_TEMPORARY);

    @Test
    void anEndOnTheStartDayIsRefused() {
        assertThat(FilingRules.endAfterStart(START, START)).hasValueSatisfying(violation -> {
            assertThat(violation.field()).isEqualTo("endDate");
            assertThat(RealBundles.zh(violation.message())).contains("晚于开始日期");
        });
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        assertThat(FilingRules.endAfterStart(START, START.minusDays(1))).hasValueSatisfying(violation -> {
            assertThat(violation.field()).isEqualTo("endDate");
            assertThat(RealBundles.zh(violation.message())).contains("晚于开始日期");
        });
    }

    @Test
    void anEndTheDayAfterTheStartPassesTheOrderCheck() {
        assertThat(FilingRules.endAfterStart(START, START.plusDays(1))).isEmpty();
    }

    @Test
    void anOpenEndPassesTheOrderCheck() {
        assertThat(FilingRules.endAfterStart(START, null)).isEmpty();
    }

    @Test
    void aTemporaryFilingShorterThanSixMonthsIsRefused() {
        assertThat(FilingRules.minimumValidity(START, LocalDate.of(2024, 4, 13), temporary))
                .hasValueSatisfying(violation -> {
                    assertThat(violation.field()).isEqualTo("endDate");
                    assertThat(RealBundles.zh(violation.message())).contains("6个月");
                });
    }

    @Test
    void aTemporaryFilingEndingExactlySixMonthsAfterTheStartIsAllowed() {
        assertThat(FilingRules.minimumValidity(START, LocalDate.of(2024, 4, 15), temporary)).isEmpty();
    }

    @Test
    void aLongTermFilingHasNoMinimumValidity() {
        assertThat(FilingRules.minimumValidity(START, START.plusDays(1), national(FilingType.RETIRED_RELOCATED)))
                .isEmpty();
    }

    @Test
    void aTemporaryFilingWithoutAnEndDateEndsSixMonthsLessADayAfterItsStart() {
        FilingApplication noEnd = application(FilingType.OTHER_TEMPORARY).start(START).build();

        assertThat(FilingRules.endDate(noEnd, temporary)).isEqualTo(LocalDate.of(2024, 4, 14));
    }

    @Test
    void aGivenEndDateIsKept() {
        FilingApplication withEnd = application(FilingType.OTHER_TEMPORARY).start(START)
                .end(LocalDate.of(2024, 6, 30)).build();

        assertThat(FilingRules.endDate(withEnd, temporary)).isEqualTo(LocalDate.of(2024, 6, 30));
    }

    @Test
    void aLongTermFilingWithoutAnEndDateIsOpenEnded() {
        FilingApplication noEnd = application(FilingType.LONG_TERM_RESIDENCE).start(START).build();

        assertThat(FilingRules.endDate(noEnd, national(FilingType.LONG_TERM_RESIDENCE))).isNull();
    }

    /** The default end must satisfy the minimum validity: a resident who leaves the end blank is not refused. */
    @Test
    void aTemporaryFilingWithoutAnEndDateIsAcceptedWithTheDefaultEnd() {
        FilingApplication noEnd = application(FilingType.OTHER_TEMPORARY).start(TODAY).build();

        FilingRules.Decision decision = FilingRules.decide(noEnd, temporary, List.of(), TODAY);

        assertThat(decision).isInstanceOfSatisfying(FilingRules.Accepted.class,
                accepted -> assertThat(accepted.endDate()).isEqualTo(LocalDate.of(2024, 4, 14)));
    }
}
