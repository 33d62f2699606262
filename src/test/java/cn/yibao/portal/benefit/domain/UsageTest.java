package cn.yibao.portal.benefit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageTest {

    private static SettledBill bill(String date, CareSetting setting, long total, long fund, long critical,
                                    long assistance) {
        return new SettledBill("S" + date + setting, LocalDate.parse(date), setting, "文水县人民医院",
                FacilityLevel.SECONDARY, "141121", RemoteCare.NONE, total, total, fund, critical, assistance,
                total - fund - critical - assistance);
    }

    @Test
    void settlementsAddUpPerSettingInAllAndPerMonthForTheBenefitYearOnly() {
        Usage usage = Usage.of(2024, List.of(
                bill("2024-02-10", CareSetting.OUTPATIENT, 8000, 4000, 0, 0),
                bill("2024-02-25", CareSetting.OUTPATIENT, 6000, 3000, 0, 0),
                bill("2024-05-03", CareSetting.INPATIENT, 500000, 300000, 50000, 20000),
                bill("2024-06-01", CareSetting.TWO_DISEASE, 3000, 1500, 0, 0),
                bill("2023-12-30", CareSetting.OUTPATIENT, 9000, 4500, 0, 0)));

        assertThat(usage.fundUsedFen(CareSetting.OUTPATIENT)).isEqualTo(7000);
        assertThat(usage.of(CareSetting.OUTPATIENT).bills()).isEqualTo(2);
        assertThat(usage.of(CareSetting.INPATIENT).otherTiersFen()).isEqualTo(70000);
        assertThat(usage.fundUsedFen(CareSetting.TWO_DISEASE)).isEqualTo(1500);
        assertThat(usage.all().totalFen()).isEqualTo(517000);
        assertThat(usage.all().selfFen()).isEqualTo(517000 - 308500 - 70000);
        assertThat(usage.months()).hasSize(12);
        assertThat(usage.months().get(1).totals().totalFen()).isEqualTo(14000);
        assertThat(usage.months().get(11).totals().bills()).isZero();
    }

    @Test
    void aYearWithoutSettlementsIsAllZero() {
        Usage usage = Usage.of(2024, List.of());

        assertThat(usage.all().bills()).isZero();
        assertThat(usage.fundUsedFen(CareSetting.INPATIENT)).isZero();
    }
}
