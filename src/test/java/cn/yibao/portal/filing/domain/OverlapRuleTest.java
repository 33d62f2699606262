package cn.yibao.portal.filing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import cn.yibao.portal.text.RealBundles;

import cn.yibao.portal.filing.api.FilingType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** No two open filings of the same kind (long-term / temporary) with overlapping periods. */
class OverlapRuleTest {

    private static final LocalDate START = LocalDate.of(2023, 10, 15);
    private static final LocalDate END = LocalDate.of(2024, 4, 15);

    private static ExistingFiling existing(FilingType type, FilingStatus status, LocalDate start, LocalDate end) {
        return new ExistingFiling(UUID.randomUUID(), type, status, start, end, start);
    }

    @Test
    void anEffectiveTemporaryFilingOverlappingIsRefused() {
        ExistingFiling effective = existing(FilingType.OTHER_TEMPORARY, FilingStatus.EFFECTIVE,
                LocalDate.of(2023, 9, 1), LocalDate.of(2024, 2, 29));

        assertThat(FilingRules.noOverlap(FilingKind.TEMPORARY, START, END, List.of(effective)))
                .hasValueSatisfying(violation -> {
                    assertThat(violation.field()).isEqualTo("startDate");
                    assertThat(RealBundles.zh(violation.message())).contains("临时").contains("2023-09-01").contains("重叠");
                });
    }

    @Test
    void aTemporaryFilingUnderReviewOverlappingIsRefused() {
        ExistingFiling underReview = existing(FilingType.REFERRAL, FilingStatus.UNDER_REVIEW,
                LocalDate.of(2024, 4, 15), LocalDate.of(2024, 10, 14));

        assertThat(FilingRules.noOverlap(FilingKind.TEMPORARY, START, END, List.of(underReview))).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FilingStatus.class, names = {"CANCELLED", "REJECTED", "EXPIRED"})
    void aClosedTemporaryFilingInTheSamePeriodIsIgnored(FilingStatus closed) {
        ExistingFiling same = existing(FilingType.OTHER_TEMPORARY, closed, START, END);

        assertThat(FilingRules.noOverlap(FilingKind.TEMPORARY, START, END, List.of(same))).isEmpty();
    }

    @Test
    void aTemporaryFilingEndingTheDayBeforeDoesNotBlock() {
        ExistingFiling before = existing(FilingType.OTHER_TEMPORARY, FilingStatus.EFFECTIVE,
                LocalDate.of(2023, 4, 15), START.minusDays(1));

        assertThat(FilingRules.noOverlap(FilingKind.TEMPORARY, START, END, List.of(before))).isEmpty();
    }

    @Test
    void anOpenEndedLongTermFilingDoesNotBlockATemporaryOne() {
        ExistingFiling longTerm = existing(FilingType.RETIRED_RELOCATED, FilingStatus.EFFECTIVE,
                LocalDate.of(2020, 1, 1), null);

        assertThat(FilingRules.noOverlap(FilingKind.TEMPORARY, START, END, List.of(longTerm))).isEmpty();
    }

    @Test
    void anOpenEndedLongTermFilingBlocksALaterLongTermOne() {
        ExistingFiling longTerm = existing(FilingType.RETIRED_RELOCATED, FilingStatus.EFFECTIVE,
                LocalDate.of(2020, 1, 1), null);

        assertThat(FilingRules.noOverlap(FilingKind.LONG_TERM, START, null, List.of(longTerm)))
                .hasValueSatisfying(violation -> {
                    assertThat(violation.field()).isEqualTo("startDate");
                    assertThat(RealBundles.zh(violation.message())).contains("长期").contains("2020-01-01").contains("重叠");
                });
    }

    @Test
    void aLongTermFilingThatEndedBeforeDoesNotBlockANewLongTermOne() {
        ExistingFiling ended = existing(FilingType.LONG_TERM_RESIDENCE, FilingStatus.EFFECTIVE,
                LocalDate.of(2020, 1, 1), START.minusDays(1));

        assertThat(FilingRules.noOverlap(FilingKind.LONG_TERM, START, null, List.of(ended))).isEmpty();
    }
}
