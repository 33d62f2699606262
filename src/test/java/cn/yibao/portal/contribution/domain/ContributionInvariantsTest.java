package cn.yibao.portal.contribution.domain;

import static cn.yibao.portal.contribution.domain.TestQuotes.quote;
import static cn.yibao.portal.text.Chinese.say;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.contribution.api.Quote;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What must hold for every region, benefit year, category, assistance group, grade and enrolment route on any day,
 * beyond the rows the other tests spell out (issue #16: "the figures hold for combinations this list does not spell
 * out"). 20,000 combinations drawn with a fixed seed, so a failure always repeats.
 */
class ContributionInvariantsTest {

    private static final List<String> REGIONS = List.of("141121", "141100", "371000", "371082", "370000", "370200",
            "210000", "210100", "350000", "350100", "110101", "000000");
    private static final LocalDate FIRST_DAY = LocalDate.of(2022, 8, 1);

    @Test
    void everyQuoteIsPossibleCitedAndChargesOnlyWhatTheDocumentsFixForThatDay() {
        Random random = new Random(16);
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < 20_000; i++) {
            String region = pick(random, REGIONS);
            int year = 2023 + random.nextInt(2);
            Category category = pick(random, List.of(Category.values()));
            AssistanceStatus assistance = pick(random, List.of(AssistanceStatus.values()));
            Integer grade = region.startsWith("371") && category == Category.ADULT && year == 2024
                    ? 1 + random.nextInt(2) : null;
            boolean newStudent = category != Category.ADULT && random.nextBoolean();
            Enrolment enrolment = pick(random, List.of(Enrolment.values()));
            LocalDate payDate = FIRST_DAY.plusDays(random.nextInt(900));
            LocalDate eventDate = enrolment == Enrolment.REGULAR ? null : payDate.minusDays(random.nextInt(400));
            String what = region + " " + year + " " + category + " " + assistance + " grade " + grade + " new "
                    + newStudent + " " + enrolment + " " + eventDate + " paid " + payDate;

            QuoteResult result = quote(region, year, category, assistance, grade, newStudent, enrolment, eventDate,
                    payDate);

            if (result instanceof QuoteResult.Rejected rejected) {
                softly.assertThat(say(rejected.reason())).as(what).isNotBlank();
                softly.assertThat(rejected.parameter()).as(what).isNotBlank();
                continue;
            }
            assertThat(result).as(what).isInstanceOf(QuoteResult.Quoted.class);
            Quote quote = ((QuoteResult.Quoted) result).quote();
            softly.assertThat(quote.assistanceFen()).as("assistance within the standard: " + what)
                    .isBetween(0L, quote.standardFen());
            softly.assertThat(quote.dueFen()).as("due: " + what).isEqualTo(quote.standardFen() - quote.assistanceFen());
            softly.assertThat(quote.citations()).as("cited: " + what).isNotEmpty();
            if (assistance == AssistanceStatus.EXTREME_POVERTY && year == 2023) {
                softly.assertThat(quote.dueFen()).as("医保发〔2022〕20号 三 全额资助特困人员: " + what).isZero();
            }
            if (quote.benefitStart() != null && quote.benefitEnd() != null) {
                softly.assertThat(quote.benefitStart()).as("start after end: " + what).isBeforeOrEqualTo(quote.benefitEnd());
            }
            if (quote.payable()) {
                softly.assertThat(quote.benefitEnd()).as("end: " + what).isNotNull();
                softly.assertThat(payDate).as("a day of benefit left: " + what)
                        .isBeforeOrEqualTo(quote.benefitEnd() == null ? payDate : quote.benefitEnd());
                if (quote.benefitStart() == null) {
                    softly.assertThat(enrolment).as("only a newborn's start is unpublished: " + what)
                            .isEqualTo(Enrolment.NEWBORN);
                } else {
                    softly.assertThat(quote.benefitStart().getYear()).as("start in the year: " + what).isEqualTo(year);
                }
                boolean wenshui2024 = region.equals("141121") && year == 2024;
                boolean weihaiNewStudent2023 = region.startsWith("371") && year == 2023 && newStudent;
                softly.assertThat(wenshui2024 || weihaiNewStudent2023)
                        .as("only 文水县 2024 (exact figures, published window) and 威海's 2023 new students (exact "
                                + "figure, published period) are payable here: " + what).isTrue();
            } else {
                softly.assertThat(say(quote.reason())).as("a reason: " + what).isNotBlank();
                softly.assertThat(quote.benefitStart()).as("no period when not payable: " + what).isNull();
                softly.assertThat(quote.benefitEnd()).as("no period when not payable: " + what).isNull();
                String reason = quote.reason() == null ? "" : say(quote.reason());
                if (!region.startsWith("37")) {
                    softly.assertThat(reason).as("the move-in route is 山东's: " + what).doesNotContain("迁入");
                }
                if (!region.equals("141121")) {
                    softly.assertThat(reason).as("late enrolment and newborns are 文水's routes: " + what)
                            .doesNotContain("退出其他制度保障的人员", "新生儿可");
                }
            }
        }
        softly.assertAll();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
