package cn.yibao.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataMasksTest {

    @ParameterizedTest
    @CsvSource({
            "142000000000001234, 142***********1234",
            "14112119750312121X, 141***********121X",
            "371002200505053321, 371***********3321"})
    void idNumberKeepsFirstThreeAndLastFourCharacters(String id, String masked) {
        assertThat(PersonalDataMasks.maskIdNumber(id))
                .isEqualTo(masked)
                .hasSize(18)
                .doesNotContain(id.substring(3, 14));
    }

    @ParameterizedTest
    @CsvSource({
            "张三,     张*",
            "王建国,   王**",
            "欧阳文静, 欧阳**",
            "司马光,   司马*",
            "诸葛亮,   诸葛*",
            "欧阳,     欧*",
            "' 李四 ', 李*",
            "李,       *"})
    void nameKeepsOnlyTheSurnameIncludingCompoundSurnames(String name, String masked) {
        assertThat(PersonalDataMasks.maskName(name)).isEqualTo(masked);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankNameBecomesEmpty(String name) {
        assertThat(PersonalDataMasks.maskName(name)).isEmpty();
    }
}
