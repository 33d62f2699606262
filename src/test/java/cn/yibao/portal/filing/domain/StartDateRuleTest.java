package cn.yibao.portal.filing.domain;

import static cn.yibao.portal.filing.domain.TestRules.TODAY;
import static cn.yibao.portal.filing.domain.TestRules.application;
import static cn.yibao.portal.filing.domain.TestRules.national;
import static cn.yibao.portal.filing.domain.TestRules.withMaxDaysInPast;
import static org.assertj.core.api.Assertions.assertThat;
import cn.yibao.portal.text.RealBundles;

import cn.yibao.portal.filing.api.FilingType;
import cn.yibao.portal.filing.api.TypeRules;
import org.junit.jupiter.api.Test;

/** A filing starts today or later unless the region allows a few days back; older care goes through 补办. */
class StartDateRuleTest {

    private final TypeRules nationalRules = national(FilingType.LONG_TERM_RESIDENCE);

    @Test
    void aFilingStartingTodayIsAllowed() {
        FilingApplication today = application(FilingType.LONG_TERM_RESIDENCE).start(TODAY).build();

        assertThat(FilingRules.startNotTooFarBack(today, nationalRules, TODAY)).isEmpty();
    }

    @Test
    void aFilingStartingYesterdayWithoutAfterTheFactIsRefused() {
        FilingApplication yesterday = application(FilingType.LONG_TERM_RESIDENCE).start(TODAY.minusDays(1)).build();

        assertThat(nationalRules.maxDaysInPast()).isZero();
        assertThat(FilingRules.startNotTooFarBack(yesterday, nationalRules, TODAY)).hasValueSatisfying(violation -> {
            assertThat(violation.field()).isEqualTo("startDate");
            assertThat(RealBundles.zh(violation.message())).contains("今天").contains("补办");
        });
    }

    @Test
    void aRegionAllowingThirtyDaysAcceptsAStartThirtyDaysBack() {
        TypeRules thirtyDays = withMaxDaysInPast(nationalRules, 30);
        FilingApplication thirtyBack = application(FilingType.LONG_TERM_RESIDENCE).start(TODAY.minusDays(30)).build();

        assertThat(FilingRules.startNotTooFarBack(thirtyBack, thirtyDays, TODAY)).isEmpty();
    }

    @Test
    void aRegionAllowingThirtyDaysRefusesAStartThirtyOneDaysBack() {
        TypeRules thirtyDays = withMaxDaysInPast(nationalRules, 30);
        FilingApplication thirtyOneBack = application(FilingType.LONG_TERM_RESIDENCE).start(TODAY.minusDays(31)).build();

        assertThat(FilingRules.startNotTooFarBack(thirtyOneBack, thirtyDays, TODAY)).hasValueSatisfying(violation -> {
            assertThat(violation.field()).isEqualTo("startDate");
            assertThat(RealBundles.zh(violation.message())).contains("30 天").contains("补办");
        });
    }
}
