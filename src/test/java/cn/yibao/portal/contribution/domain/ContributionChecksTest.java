package cn.yibao.portal.contribution.domain;

import static cn.yibao.portal.text.Chinese.english;
import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.contribution.api.DueStanding;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Each named check of {@link ContributionCalculator} on its own (威海市 has two adult grades in 2024, 文水县 none;
 * the 2024 collection window of both opens in autumn 2023), and that its words exist in both languages.
 */
class ContributionChecksTest {

    private static final LocalDate IN_WINDOW = LocalDate.of(2023, 10, 15);

    private static ContributionCalculator calculator(String region, Category category, Integer grade, boolean newStudent,
                                                     Enrolment enrolment, LocalDate eventDate) {
        return new ContributionCalculator(new QuoteRequest(TestQuotes.path(region), 2024, category,
                AssistanceStatus.NONE, grade, newStudent, IN_WINDOW, enrolment, eventDate), TestQuotes.CATALOG);
    }

    private static ContributionCalculator regular(String region, Category category, Integer grade) {
        return calculator(region, category, grade, false, Enrolment.REGULAR, null);
    }

    @Test
    void chooseGradeRefusesAGradeWhereTheRegionHasNone() {
        QuoteResult.Rejected rejected = regular("141121", Category.ADULT, 1).chooseGrade();

        assertThat(rejected.parameter()).isEqualTo("grade");
        assertThat(rejected.reason().key()).isEqualTo("contribution.grade.unpublished");
        assertThat(say(rejected.reason())).isEqualTo("文件没有公布文水县2024年度的分档缴费标准，请不要选择缴费档次。");
        assertThat(english(rejected.reason())).isEqualTo(
                "The documents publish no contribution grades for 文水县 in 2024. Please do not choose a grade.");
    }

    @Test
    void chooseGradeRefusesAGradeForAMinorAndAGradeNotOffered() {
        assertThat(say(regular("371000", Category.MINOR, 1).chooseGrade().reason()))
                .isEqualTo("只有成年居民选择缴费档次，未成年居民按统一标准缴费。");
        assertThat(say(regular("371000", Category.ADULT, 3).chooseGrade().reason()))
                .isEqualTo("缴费档次只能选择 1、2 档。");
        assertThat(english(regular("371000", Category.ADULT, 3).chooseGrade().reason()))
                .isEqualTo("The grade can only be 1, 2.");
    }

    @Test
    void chooseGradeTakesTheFirstGradeForAnAdultWhoChoseNoneAndSaysSo() {
        ContributionCalculator calculator = regular("371000", Category.ADULT, null);

        assertThat(calculator.chooseGrade()).isNull();
        QuoteResult.Quoted quoted = (QuoteResult.Quoted) ContributionCalculator.quote(new QuoteRequest(
                TestQuotes.path("371000"), 2024, Category.ADULT, AssistanceStatus.NONE, null, false, IN_WINDOW,
                Enrolment.REGULAR, null), TestQuotes.CATALOG);
        assertThat(quoted.quote().grade()).isEqualTo(1);
        assertThat(say(quoted.quote().notes())).contains("未选择缴费档次，按1档计算；可选择 1、2 档。");
    }

    @Test
    void findNewStudentRuleOnlyAsksForNewStudentsAndNotesARegionWithoutTheRule() {
        assertThat(regular("141121", Category.MINOR, null).findNewStudentRule()).isNull();
        ContributionCalculator wenshui = calculator("141121", Category.MINOR, null, true, Enrolment.REGULAR, null);
        assertThat(wenshui.findNewStudentRule()).isNull();
    }

    @Test
    void checkEventDateRefusesAnEventAfterThePayDateNamingTheParameter() {
        QuoteResult.Rejected rejected = calculator("141121", Category.ADULT, null, false, Enrolment.MOVED_IN,
                IN_WINDOW.plusDays(1)).checkEventDate();

        assertThat(rejected.parameter()).isEqualTo("movedOn");
        assertThat(say(rejected.reason())).isEqualTo("户籍迁入日期不能晚于缴费日期。");
        assertThat(calculator("141121", Category.ADULT, null, false, Enrolment.MOVED_IN, IN_WINDOW).checkEventDate())
                .isNull();
    }

    @Test
    void checkNewbornRefusesAnAdultAndAChildBornBeforeTheYearsNewborns() {
        assertThat(calculator("141121", Category.ADULT, null, false, Enrolment.NEWBORN, IN_WINDOW).checkNewborn()
                .parameter()).isEqualTo("category");
        QuoteResult.Rejected early = calculator("141121", Category.MINOR, null, false, Enrolment.NEWBORN,
                LocalDate.of(2022, 5, 1)).checkNewborn();
        assertThat(early.parameter()).isEqualTo("birthDate");
        assertThat(say(early.reason())).startsWith("出生日期 2022-05-01 不属于2024年度的新生儿：2024年度的新生儿指")
                .endsWith("以后出生的婴儿；更早出生的应在集中征缴期内参保。");
        assertThat(calculator("141121", Category.MINOR, null, false, Enrolment.NEWBORN, IN_WINDOW).checkNewborn())
                .isNull();
    }

    @Test
    void findStandardFindsTheCategorysStandard() {
        assertThat(regular("141121", Category.ADULT, null).findStandard()).isNull();
    }

    @Test
    void coverageIsTheWholeYearInsideTheWindow() {
        ContributionCalculator.Coverage coverage = regular("141121", Category.ADULT, null).coverage();

        assertThat(coverage.isOpen()).isTrue();
        assertThat(coverage.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(coverage.end()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void aYearThatIsOverCannotBeBought() {
        ContributionCalculator late = new ContributionCalculator(new QuoteRequest(TestQuotes.path("141121"), 2024,
                Category.ADULT, AssistanceStatus.NONE, null, false, LocalDate.of(2025, 1, 2), Enrolment.REGULAR, null),
                TestQuotes.CATALOG);

        ContributionCalculator.Coverage coverage = late.coverage();

        assertThat(coverage.closed()).isEqualTo(ContributionCalculator.Coverage.Closed.NO_BENEFIT_LEFT);
        assertThat(coverage.reason()).isEqualTo(Phrase.of("contribution.closed.yearOver", 2024));
    }

    @Test
    void theStandingOfAFullyAssistedPersonIsExactWhateverTheStandard() {
        assertThat(ContributionCalculator.standing(TestQuotes.CATALOG.find(
                cn.yibao.portal.policy.api.Parameter.PERSONAL_CONTRIBUTION, 2024, TestQuotes.path("141121").stream()
                        .map(cn.yibao.portal.shared.Region::code).toList(), java.util.List.of("ADULT", "ALL")).orElseThrow(),
                new ContributionCalculator.Assistance(38000, true, true))).isEqualTo(DueStanding.EXACT);
    }
}
