package cn.yibao.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "14112119750312121X",
            "141121196004152121",
            "371002200505053321",
            "350102198008085120",
            "210102197001014113"})
    void acceptsValidNumbers(String id) {
        assertThat(NationalId.problem(id)).isNull();
        assertThat(NationalId.parse(id)).hasValueSatisfying(parsed -> assertThat(parsed.value()).isEqualTo(id));
    }

    @ParameterizedTest
    @CsvSource({
            "14112119750312121x,   14112119750312121X",
            "' 14112119750312121x ', 14112119750312121X"})
    void acceptsLowerCaseXAndNormalisesIt(String candidate, String normalised) {
        assertThat(NationalId.problem(candidate)).isNull();
        assertThat(NationalId.parse(candidate)).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo(normalised));
    }

    /** What people really type or paste: grouped 6-8-4, full-width, a lower-case x. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "141121 19750312 121x|14112119750312121X",
            "141121-19750312-121X|14112119750312121X",
            "141121　19750312　121X|14112119750312121X",
            "１４１１２１１９７５０３１２１２１ｘ|14112119750312121X",
            "１４１１２１１９７５０３１２１２１Ｘ|14112119750312121X",
            "' 1411 2119 7503 1212 1X '|14112119750312121X",
            "141121 19750312–121X|14112119750312121X"})
    void acceptsNumbersAsPeopleTypeThem(String typed, String number) {
        assertThat(NationalId.normalise(typed)).isEqualTo(number);
        assertThat(NationalId.fromTyped(typed)).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"14112119750312121", "14112119750312121X1", "141121/19750312/121X", "14112119750312121Y",
            "141121197503121211", "一四一一二一19750312121X", "14112119750312121X\u0000"})
    void normalisingDoesNotMakeAWrongNumberRight(String typed) {
        assertThat(NationalId.fromTyped(typed)).isEmpty();
        assertThat(NationalId.problem(NationalId.normalise(typed))).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc|abc", "''|''"})
    void normalisingLeavesAnythingElseAsItWas(String typed, String kept) {
        assertThat(NationalId.normalise(typed)).isEqualTo(kept);
        assertThat(NationalId.normalise(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"141121196004152122", "141121197503121211", "371002200505053320", "35010219800808512X"})
    void rejectsNumberWithWrongCheckDigit(String id) {
        assertThat(NationalId.problem(id)).isEqualTo(Phrase.of("nationalId.problem.checkCharacter"));
        assertThat(NationalId.parse(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "14112119600415212",     // 17 characters
            "1411211960041521211",   // 19 characters
            "1411211960041521A1",    // letter inside
            "14112119750312121Y",    // wrong final letter
            "X41121196004152121",    // X not at the end
            "141121-96004152121"})
    void rejectsWrongLengthOrCharacters(String id) {
        assertThat(NationalId.problem(id)).isEqualTo(Phrase.of("nationalId.problem.format"));
        assertThat(NationalId.parse(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsBlankNumber(String id) {
        assertThat(NationalId.problem(id)).isEqualTo(Phrase.of("nationalId.problem.missing"));
        assertThat(NationalId.parse(id)).isEmpty();
    }

    @Test
    void rejectsNullNumber() {
        assertThat(NationalId.problem(null)).isEqualTo(Phrase.of("nationalId.problem.missing"));
        assertThat(NationalId.parse(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "14112119751312121",   // month 13
            "14112119750230121",   // 30 February
            "14112120230229121",   // 29 February in a non-leap year
            "14112119750300121"})  // day 0
    void rejectsImpossibleBirthDateEvenWithCorrectCheckDigit(String first17) {
        String id = first17 + NationalId.checkCharacter(first17);

        assertThat(NationalId.problem(id)).isEqualTo(Phrase.of("nationalId.problem.birthDate"));
        assertThat(NationalId.parse(id)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "14112119750312121, 1975-03-12",
            "14112119600415212, 1960-04-15",
            "37100220050505332, 2005-05-05",
            "14112120000229121, 2000-02-29"})
    void extractsBirthDate(String first17, LocalDate expected) {
        String id = first17 + NationalId.checkCharacter(first17);

        assertThat(NationalId.parse(id)).hasValueSatisfying(parsed -> assertThat(parsed.birthDate()).isEqualTo(expected));
    }

    @ParameterizedTest
    @CsvSource({
            "14112119750312121X, 141***********121X",
            "141121196004152121, 141***********2121",
            "210102197001014113, 210***********4113"})
    void masksAllButFirstThreeAndLastFour(String id, String masked) {
        assertThat(NationalId.parse(id)).hasValueSatisfying(parsed -> assertThat(parsed.masked()).isEqualTo(masked));
    }

    @ParameterizedTest
    @ValueSource(strings = {"14112119750312121X", "141121196004152121", "350102198008085120"})
    void toStringNeverRevealsTheFullNumber(String id) {
        NationalId parsed = NationalId.parse(id).orElseThrow();

        assertThat(parsed.toString())
                .doesNotContain(id)
                .doesNotContain(id.substring(6, 14))
                .isEqualTo(parsed.masked());
    }

    @Test
    void checkCharacterFollowsIso7064Mod112() {
        assertThat(NationalId.checkCharacter("14112119750312121")).isEqualTo('X');
        assertThat(NationalId.checkCharacter("35010219800808512")).isEqualTo('0');
        assertThat(NationalId.checkCharacter("21010219700101411")).isEqualTo('3');
    }
}
