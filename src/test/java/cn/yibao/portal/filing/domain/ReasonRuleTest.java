package cn.yibao.portal.filing.domain;

import static cn.yibao.portal.filing.domain.TestRules.application;
import static org.assertj.core.api.Assertions.assertThat;
import cn.yibao.portal.text.RealBundles;

import cn.yibao.portal.filing.api.FilingType;
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
            assertThat(RealBundles.zh(violation.message())).contains("备案原因");
        });
    }

    @org.junit.jupiter.api.Test
    void aReasonLongerThanTwoHundredCharactersIsRefused() {
        FilingApplication tooLong = new FilingApplication(FilingType.OTHER_TEMPORARY,
                java.util.List.of("210100", "210000", "000000"), java.util.List.of("350100", "350000", "000000"),
                java.time.LocalDate.of(2023, 10, 15), null, "很".repeat(201), false, null, java.util.Set.of());

        assertThat(FilingRules.reasonGiven(tooLong)).hasValueSatisfying(v -> {
            assertThat(v.field()).isEqualTo("reason");
            assertThat(RealBundles.zh(v.message())).contains("200");
        });
    }

    @ParameterizedTest(name = "reason [{0}]")
    @ValueSource(strings = {"探亲\u0000期间", "\u0007随子女居住", "随子女\u001b居住"})
    void aReasonWithControlCharactersIsRefusedNamingTheField(String reason) {
        FilingApplication withControl = application(FilingType.LONG_TERM_RESIDENCE).reason(reason).build();

        assertThat(FilingRules.reasonGiven(withControl)).hasValueSatisfying(violation -> {
            assertThat(violation.field()).isEqualTo("reason");
            assertThat(RealBundles.zh(violation.message())).contains("备案原因", "控制字符");
        });
    }

    @Test
    void aReasonOnSeveralLinesIsAllowed() {
        assertThat(FilingRules.reasonGiven(application(FilingType.LONG_TERM_RESIDENCE).reason("随子女\n异地居住").build()))
                .isEmpty();
    }
}
