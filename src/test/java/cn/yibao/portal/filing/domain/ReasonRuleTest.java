package cn.yibao.portal.filing.domain;

import static cn.yibao.portal.filing.domain.TestRules.application;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every filing states why the person is away (备案原因). */
class ReasonRuleTest {

    @Test
    void aFilingWithAReasonIsAllowed() {
        FilingApplication withReason = application(FilingType.LONG_TERM_RESIDENCE).reason("随子女异地居住").build();

        assertThat(FilingRules.reasonGiven(withReason)).isEmpty();
    }

    @ParameterizedTest(name = "reason [{0}]")
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void aFilingWithoutAReasonIsRefused(String reason) {
        FilingApplication withoutReason = application(FilingType.LONG_TERM_RESIDENCE).reason(reason).build();

        assertThat(FilingRules.reasonGiven(withoutReason)).hasValueSatisfying(violation -> {
            assertThat(violation.field()).isEqualTo("reason");
            assertThat(violation.message()).contains("备案原因");
        });
    }
}
