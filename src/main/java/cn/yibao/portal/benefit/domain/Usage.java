package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.benefit.api.CareSetting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a person's settlements add up to in one benefit year: per care setting, in all, and month by month. The
 * fund's share per setting is what counts against that setting's annual cap.
 */
public record Usage(int benefitYear, Map<CareSetting, Totals> bySetting, Totals all, List<Month> months) {

    /** Sums of a set of bills. */
    public record Totals(int bills, long totalFen, long fundFen, long criticalIllnessFen, long assistanceFen,
                         long selfFen) {

        static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0);

        Totals plus(SettledBill bill) {
            return new Totals(bills + 1, totalFen + bill.totalFen(), fundFen + bill.fundFen(),
                    criticalIllnessFen + bill.criticalIllnessFen(), assistanceFen + bill.assistanceFen(),
                    selfFen + bill.selfFen());
        }

        /** Paid by critical-illness insurance and medical assistance together. */
        public long otherTiersFen() {
            return criticalIllnessFen + assistanceFen;
        }
    }

    /** One calendar month of the benefit year (1–12). */
    public record Month(int month, Totals totals) {
    }

    /** Only bills settled in {@code benefitYear} count; the benefit year is the calendar year. */
    public static Usage of(int benefitYear, Collection<SettledBill> bills) {
        Map<CareSetting, Totals> bySetting = new EnumMap<>(CareSetting.class);
        for (CareSetting setting : CareSetting.values()) {
            bySetting.put(setting, Totals.NONE);
        }
        Totals all = Totals.NONE;
        Totals[] months = new Totals[12];
        java.util.Arrays.fill(months, Totals.NONE);
        for (SettledBill bill : bills) {
            if (bill.settledOn().getYear() != benefitYear) {
                continue;
            }
            bySetting.merge(bill.setting(), Totals.NONE, (sum, none) -> sum.plus(bill));
            all = all.plus(bill);
            int index = bill.settledOn().getMonthValue() - 1;
            months[index] = months[index].plus(bill);
        }
        List<Month> monthList = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            monthList.add(new Month(i + 1, months[i]));
        }
        return new Usage(benefitYear, Map.copyOf(bySetting), all, List.copyOf(monthList));
    }

    public Totals of(CareSetting setting) {
        return bySetting.get(setting);
    }

    /** What the fund has paid this year in a setting: the part of its annual cap already used. */
    public long fundUsedFen(CareSetting setting) {
        return of(setting).fundFen();
    }
}
