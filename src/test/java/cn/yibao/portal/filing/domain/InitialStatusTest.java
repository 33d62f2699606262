package cn.yibao.portal.filing.domain;

import static cn.yibao.portal.filing.domain.TestRules.TODAY;
import static cn.yibao.portal.filing.domain.TestRules.application;
import static cn.yibao.portal.filing.domain.TestRules.national;
import static org.assertj.core.api.Assertions.assertThat;
import cn.yibao.portal.text.RealBundles;

import cn.yibao.portal.filing.api.FilingType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first status chosen by {@link FilingRules#decide}: EFFECTIVE when the materials are complete (for long-term
 * filings the commitment letter counts as proof of residence), else UNDER_REVIEW; referrals are always reviewed.
 */
class InitialStatusTest {

    private static final LocalDate SIX_MONTHS_ON = TODAY.plusMonths(6);

    private static FilingRules.Accepted accepted(FilingApplication application) {
        FilingRules.Decision decision = FilingRules.decide(application, national(application.type()), List.of(), TODAY);
        assertThat(decision).isInstanceOf(FilingRules.Accepted.class);
        return (FilingRules.Accepted) decision;
    }

    @Test
    void aLongTermFilingWithTheCommitmentLetterTakesEffectAtOnce() {
        FilingRules.Accepted accepted = accepted(application(FilingType.RETIRED_RELOCATED).commitment().build());

        assertThat(accepted.status()).isEqualTo(FilingStatus.EFFECTIVE);
        assertThat(accepted.notes()).isEmpty();
        assertThat(accepted.endDate()).isNull();
    }

    @Test
    void aLongTermFilingWithProofOfResidenceTakesEffectAtOnce() {
        FilingRules.Accepted accepted = accepted(application(FilingType.LONG_TERM_RESIDENCE)
                .materials(Material.RESIDENCE_PROOF).build());

        assertThat(accepted.status()).isEqualTo(FilingStatus.EFFECTIVE);
    }

    @Test
    void aLongTermFilingWithNeitherCommitmentNorProofGoesToReview() {
        FilingRules.Accepted accepted = accepted(application(FilingType.RESIDENT_WORKING).build());

        assertThat(accepted.status()).isEqualTo(FilingStatus.UNDER_REVIEW);
        assertThat(accepted.notes().stream().map(RealBundles::zh).toList()).singleElement().asString().contains("材料不全").contains("居住证明");
    }

    @Test
    void aReferralWithItsCertificateIsStillReviewed() {
        FilingRules.Accepted accepted = accepted(application(FilingType.REFERRAL).reason("转诊至上级医院")
                .end(SIX_MONTHS_ON).materials(Material.REFERRAL_CERTIFICATE).build());

        assertThat(accepted.status()).isEqualTo(FilingStatus.UNDER_REVIEW);
        assertThat(accepted.notes().stream().map(RealBundles::zh).toList()).singleElement().asString().contains("审核").contains("转诊证明");
    }

    @Test
    void aReferralWithoutItsCertificateIsReviewedForMissingMaterials() {
        FilingRules.Accepted accepted = accepted(application(FilingType.REFERRAL).reason("转诊至上级医院")
                .end(SIX_MONTHS_ON).build());

        assertThat(accepted.status()).isEqualTo(FilingStatus.UNDER_REVIEW);
        assertThat(accepted.notes().stream().map(RealBundles::zh).toList()).singleElement().asString().contains("材料不全").contains("转诊证明");
    }

    @Test
    void anOtherTemporaryFilingNeedingNoMaterialsTakesEffectAtOnce() {
        FilingRules.Accepted accepted = accepted(application(FilingType.OTHER_TEMPORARY).reason("探亲")
                .end(SIX_MONTHS_ON).build());

        assertThat(accepted.status()).isEqualTo(FilingStatus.EFFECTIVE);
        assertThat(accepted.notes()).isEmpty();
        assertThat(accepted.endDate()).isEqualTo(SIX_MONTHS_ON);
    }
}
