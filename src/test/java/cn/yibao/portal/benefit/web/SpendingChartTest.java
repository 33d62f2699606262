package cn.yibao.portal.benefit.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import cn.yibao.portal.benefit.domain.SettledBill;
import cn.yibao.portal.benefit.domain.Usage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpendingChartTest {

    private static final SpendingChart.Labels LABELS = new SpendingChart.Labels("2024年每月医疗费用", "共 2 笔 <结算>",
            "元", "万元", "医保基金", "大病保险和医疗救助", "个人负担");

    @Test
    void eachMonthWithSpendingGetsStackedBarsAndTheAxisEndsOnARoundFigure() {
        Usage usage = Usage.of(2024, List.of(
                new SettledBill("A", LocalDate.of(2024, 3, 5), CareSetting.OUTPATIENT, "卫生院", FacilityLevel.PRIMARY,
                        "141121", RemoteCare.NONE, 17300, 17300, 9000, 0, 0, 8300),
                new SettledBill("B", LocalDate.of(2024, 5, 5), CareSetting.INPATIENT, "医院", FacilityLevel.SECONDARY,
                        "141121", RemoteCare.NONE, 10000, 10000, 6000, 1000, 0, 3000)));

        String svg = SpendingChart.svg(usage.months(), LABELS);

        assertThat(svg).startsWith("<svg").endsWith("</svg>")
                .contains("role=\"img\"", "<title id=\"chart-title\">2024年每月医疗费用</title>")
                .contains("共 2 笔 &lt;结算&gt;")
                .doesNotContain("style=");
        assertThat(count(svg, "class=\"chart-fund\"")).isEqualTo(2);
        assertThat(count(svg, "class=\"chart-other\"")).isEqualTo(1);
        assertThat(count(svg, "class=\"chart-self\"")).isEqualTo(2);
        assertThat(svg).contains(">200元</text>", ">100元</text>", ">0元</text>");
    }

    @Test
    void largeAmountsOnTheAxisAreInTenThousandYuan() {
        assertThat(SpendingChart.axisLabel(2_000_000, LABELS)).isEqualTo("2万元");
        assertThat(SpendingChart.axisLabel(1_000_000, LABELS)).isEqualTo("1万元");
        assertThat(SpendingChart.axisLabel(2_500_000, LABELS)).isEqualTo("2.5万元");
        assertThat(SpendingChart.axisLabel(500_000, LABELS)).isEqualTo("5000元");
    }

    @Test
    void axisTopsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(SpendingChart.niceCeiling(0)).isEqualTo(1000);
        assertThat(SpendingChart.niceCeiling(17300)).isEqualTo(20000);
        assertThat(SpendingChart.niceCeiling(20000)).isEqualTo(20000);
        assertThat(SpendingChart.niceCeiling(20001)).isEqualTo(50000);
        assertThat(SpendingChart.niceCeiling(5_000_000)).isEqualTo(5_000_000);
        assertThat(SpendingChart.niceCeiling(5_000_100)).isEqualTo(10_000_000);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
