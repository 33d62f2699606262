package cn.yibao.portal.filing.domain;

import static cn.yibao.portal.filing.domain.TestRules.TODAY;
import static cn.yibao.portal.filing.domain.TestRules.application;
import static cn.yibao.portal.filing.domain.TestRules.national;
import static org.assertj.core.api.Assertions.assertThat;
import cn.yibao.portal.text.RealBundles;

import cn.yibao.portal.filing.api.FilingType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 异地急诊抢救 counts as filed: there is nothing to file (医保发〔2022〕22号). */
class EmergencyRuleTest {

    @Test
    void anEmergencyFilingIsRefusedBecauseItCountsAsFiled() {
        assertThat(FilingRules.emergencyCountsAsFiled(national(FilingType.EMERGENCY))).hasValueSatisfying(violation -> {
            assertThat(violation.field()).isEqualTo("type");
            assertThat(RealBundles.zh(violation.message())).contains("视同已备案").contains("异地急诊抢救");
        });
    }

    @Test
    void anOtherTemporaryFilingIsNotTreatedAsAlreadyFiled() {
        assertThat(FilingRules.emergencyCountsAsFiled(national(FilingType.OTHER_TEMPORARY))).isEmpty();
    }

    @Test
    void decideRefusesAnEmergencyFilingBeforeLookingAtAnythingElse() {
        FilingApplication emergency = application(FilingType.EMERGENCY).reason(" ").build();

        FilingRules.Decision decision = FilingRules.decide(emergency, national(FilingType.EMERGENCY), List.of(), TODAY);

        assertThat(decision).isInstanceOfSatisfying(FilingRules.Refused.class, refused -> {
            assertThat(refused.violation().field()).isEqualTo("type");
            assertThat(RealBundles.zh(refused.violation().message())).contains("视同已备案");
        });
    }
}
