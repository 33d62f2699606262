package cn.yibao.portal.filing.domain;

import static cn.yibao.portal.filing.domain.TestRules.application;
import static cn.yibao.portal.filing.domain.TestRules.national;
import static org.assertj.core.api.Assertions.assertThat;
import cn.yibao.portal.text.RealBundles;

import cn.yibao.portal.filing.api.FilingType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The personal commitment letter (承诺制) replaces proof of residence for long-term filings only (医保发〔2022〕22号). */
class CommitmentRuleTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FilingType.class, names = {"RETIRED_RELOCATED", "LONG_TERM_RESIDENCE", "RESIDENT_WORKING"})
    void aLongTermResidentMayTickTheCommitmentLetter(FilingType type) {
        FilingApplication withCommitment = application(type).commitment().build();

        assertThat(FilingRules.commitmentOnlyWhereAllowed(withCommitment, national(type))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FilingType.class, names = {"REFERRAL", "OTHER_TEMPORARY"})
    void aTemporaryFilingWithTheCommitmentLetterTickedIsRefused(FilingType type) {
        FilingApplication withCommitment = application(type).commitment().build();

        assertThat(FilingRules.commitmentOnlyWhereAllowed(withCommitment, national(type)))
                .hasValueSatisfying(violation -> {
                    assertThat(violation.field()).isEqualTo("commitment");
                    assertThat(RealBundles.zh(violation.message())).contains("承诺制").contains(national(type).name());
                });
    }

    @Test
    void aTemporaryFilingWithoutTheCommitmentLetterIsAllowed() {
        FilingApplication withoutCommitment = application(FilingType.REFERRAL).build();

        assertThat(FilingRules.commitmentOnlyWhereAllowed(withoutCommitment, national(FilingType.REFERRAL))).isEmpty();
    }
}
