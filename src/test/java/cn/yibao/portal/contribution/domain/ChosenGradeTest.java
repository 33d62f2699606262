package cn.yibao.portal.contribution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.resident.api.Category;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The grade a payer chose is the grade quoted — refused there if the region does not offer it, never replaced. */
class ChosenGradeTest {

    static Stream<Arguments> grades() {
        return Stream.of(
                // category, the region's grades, chosen, quoted
                Arguments.of(Category.ADULT, List.of(1, 2, 3), null, 1),
                Arguments.of(Category.ADULT, List.of(1, 2, 3), 2, 2),
                Arguments.of(Category.ADULT, List.of(1, 2, 3), 7, 7),
                Arguments.of(Category.ADULT, List.of(1, 2, 3), Integer.MAX_VALUE, Integer.MAX_VALUE),
                Arguments.of(Category.ADULT, List.of(), null, null),
                Arguments.of(Category.ADULT, List.of(), 1, 1),
                Arguments.of(Category.MINOR, List.of(1, 2, 3), 2, null),
                Arguments.of(Category.MINOR, List.of(), null, null));
    }

    @ParameterizedTest(name = "{0} in a region with grades {1}, chose {2} → {3}")
    @MethodSource("grades")
    void theChosenGradeIsQuotedAsChosen(Category category, List<Integer> regionGrades, Integer chosen, Integer quoted) {
        assertThat(PersonalCircumstances.grade(category, regionGrades, chosen)).isEqualTo(quoted);
    }
}
