package cn.yibao.portal.contribution.domain;

import cn.yibao.portal.resident.domain.Category;
import java.time.LocalDate;
import java.util.List;

/** What a resident's own record says about how their quote is asked for. */
public final class PersonalCircumstances {

    private PersonalCircumstances() {
    }

    /** A student who enrolled in the benefit year itself may pay for the rest of that year only (威医保发〔2023〕38号). */
    public static boolean isNewStudent(Category category, LocalDate enrolledOn, int benefitYear) {
        return category == Category.COLLEGE_STUDENT && enrolledOn != null && enrolledOn.getYear() == benefitYear;
    }

    /** Adults in a region with grades pay the grade they choose, grade 1 until they choose; nobody else has one. */
    public static Integer grade(Category category, List<Integer> regionGrades, Integer chosen) {
        if (category != Category.ADULT || regionGrades.isEmpty()) {
            return null;
        }
        return chosen != null && regionGrades.contains(chosen) ? chosen : regionGrades.get(0);
    }
}
