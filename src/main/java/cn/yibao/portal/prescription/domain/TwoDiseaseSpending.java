package cn.yibao.portal.prescription.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** How much of the two-disease scheme's money a person has used in a benefit year. */
public final class TwoDiseaseSpending {

    private TwoDiseaseSpending() {
    }

    /**
     * Benefits are enjoyed by calendar year (待遇期 1 January – 31 December): the year whose care is being paid for
     * is the year of the business date, even while next year's contributions are being collected.
     */
    public static int benefitYearOn(LocalDate today) {
        return today.getYear();
    }

    /** The basic fund's share of the person's bills settled under the two-disease scheme in that benefit year. */
    public static long usedFundFen(UUID personId, int benefitYear, List<SettledBill> bills) {
        return bills.stream()
                .filter(bill -> bill.twoDisease() && bill.benefitYear() == benefitYear
                        && bill.residentId().equals(personId))
                .mapToLong(SettledBill::fundFen)
                .sum();
    }
}
