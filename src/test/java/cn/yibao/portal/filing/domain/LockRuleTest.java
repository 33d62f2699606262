package cn.yibao.portal.filing.domain;

import static cn.yibao.portal.filing.domain.TestRules.national;
import static cn.yibao.portal.filing.domain.TestRules.withLock;
import static org.assertj.core.api.Assertions.assertThat;
import cn.yibao.portal.text.RealBundles;

import cn.yibao.portal.filing.api.FilingType;
import cn.yibao.portal.filing.api.TypeRules;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A pooling area may lock a long-term filing against change for up to 6 months after it took effect. */
class LockRuleTest {

    private static final LocalDate EFFECTIVE_ON = LocalDate.of(2023, 10, 1);
    private final TypeRules longTermRules = national(FilingType.RETIRED_RELOCATED);

    private static ExistingFiling filing(FilingType type, FilingStatus status) {
        return new ExistingFiling(UUID.randomUUID(), type, status, EFFECTIVE_ON, null, EFFECTIVE_ON);
    }

    @Test
    void anEffectiveLongTermFilingCannotBeCancelledOnTheLastDayOfItsLock() {
        assertThat(longTermRules.lock()).isEqualTo(Period.ofMonths(6));

        assertThat(FilingRules.cancellable(filing(FilingType.RETIRED_RELOCATED, FilingStatus.EFFECTIVE), longTermRules,
                LocalDate.of(2024, 3, 31))).hasValueSatisfying(violation -> {
                    assertThat(violation.field()).isEqualTo("status");
                    assertThat(RealBundles.zh(violation.message())).contains("6个月").contains("2024-04-01");
                });
    }

    @Test
    void anEffectiveLongTermFilingCanBeCancelledOnceItsLockHasRunOut() {
        assertThat(FilingRules.cancellable(filing(FilingType.RETIRED_RELOCATED, FilingStatus.EFFECTIVE), longTermRules,
                LocalDate.of(2024, 4, 1))).isEmpty();
    }

    @Test
    void aLongTermFilingStillUnderReviewCanBeCancelledAtOnce() {
        assertThat(FilingRules.cancellable(filing(FilingType.RETIRED_RELOCATED, FilingStatus.UNDER_REVIEW),
                longTermRules, EFFECTIVE_ON.plusDays(1))).isEmpty();
    }

    @Test
    void aTemporaryFilingCanBeCancelledTheDayAfterItTookEffect() {
        TypeRules temporaryRules = national(FilingType.OTHER_TEMPORARY);

        assertThat(FilingRules.cancellable(filing(FilingType.OTHER_TEMPORARY, FilingStatus.EFFECTIVE), temporaryRules,
                EFFECTIVE_ON.plusDays(1))).isEmpty();
    }

    @Test
    void aTemporaryFilingIsNotLockedEvenWhereARegionConfiguresALock() {
        TypeRules lockedTemporaryRules = withLock(national(FilingType.OTHER_TEMPORARY), Period.ofMonths(6));

        assertThat(FilingRules.cancellable(filing(FilingType.OTHER_TEMPORARY, FilingStatus.EFFECTIVE),
                lockedTemporaryRules, EFFECTIVE_ON.plusDays(1))).isEmpty();
    }

    @Test
    void aRejectedFilingCannotBeCancelled() {
        assertThat(FilingRules.cancellable(filing(FilingType.OTHER_TEMPORARY, FilingStatus.REJECTED),
                national(FilingType.OTHER_TEMPORARY), EFFECTIVE_ON.plusDays(1))).hasValueSatisfying(violation -> {
                    assertThat(violation.field()).isEqualTo("status");
                    assertThat(RealBundles.zh(violation.message())).contains("不能取消");
                });
    }
}
