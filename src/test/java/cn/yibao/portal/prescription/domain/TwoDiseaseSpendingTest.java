package cn.yibao.portal.prescription.domain;

import static cn.yibao.portal.prescription.domain.Rx.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** This year's two-disease spending: the fund's share of the person's two-disease settlements in the benefit year. */
class TwoDiseaseSpendingTest {

    private static SettledBill bill(UUID person, int year, boolean twoDisease, long fund) {
        return new SettledBill("JS" + UUID.randomUUID(), person, year, LocalDate.of(year, 6, 1), twoDisease, "卫生院",
                null, fund + 100, fund, 0, 0, 100);
    }

    @Test
    void onlyThePersonsTwoDiseaseBillsOfThatYearCount() {
        List<SettledBill> bills = List.of(
                bill(PATIENT, 2023, true, 3360),
                bill(PATIENT, 2023, true, 1200),
                bill(PATIENT, 2022, true, 8000),
                bill(PATIENT, 2023, false, 50000),
                bill(UUID.randomUUID(), 2023, true, 7000));

        assertThat(TwoDiseaseSpending.usedFundFen(PATIENT, 2023, bills)).isEqualTo(4560);
        assertThat(TwoDiseaseSpending.usedFundFen(PATIENT, 2024, bills)).isZero();
    }

    @ParameterizedTest(name = "{0} is in benefit year {1}")
    @CsvSource(textBlock = """
            2023-10-15, 2023
            2023-12-31, 2023
            2024-01-01, 2024
            """)
    void careIsPaidFromTheBenefitYearOfTheCalendarYearEvenDuringNextYearsCollection(LocalDate day, int year) {
        assertThat(TwoDiseaseSpending.benefitYearOn(day)).isEqualTo(year);
    }
}
