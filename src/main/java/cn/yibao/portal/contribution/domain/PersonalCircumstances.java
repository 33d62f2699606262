package cn.yibao.portal.contribution.domain;

import cn.yibao.portal.resident.api.Categories;
import cn.yibao.portal.resident.api.Category;
import java.time.LocalDate;
import java.util.List;

/** What a resident's own record says about how their quote is asked for. */
public final class PersonalCircumstances {

    private PersonalCircumstances() {
    }

    /**
     * A student (school or college) who enrolled in the benefit year itself may pay for the rest of that year only
     * (威医保发〔2023〕38号: "对2023年新入我市就读的学生").
     */
    public static boolean isNewStudent(Category category, LocalDate enrolledOn, int benefitYear) {
        return category != Category.ADULT && enrolledOn != null && enrolledOn.getYear() == benefitYear;
    }

    /**
     * Minor or adult for a benefit year, from the birth date; a college student stays one (a local record). The
     * documents do not say on which day age counts: the portal uses 1 January of the benefit year.
     */
    public static Category category(Category recorded, LocalDate birthDate, int benefitYear) {
        if (recorded == Category.COLLEGE_STUDENT) {
            return recorded;
        }
        return Categories.isMinorOn(birthDate, LocalDate.of(benefitYear, 1, 1)) ? Category.MINOR : Category.ADULT;
    }

    /** The benefit year a resident most likely asks about: next year's once autumn collection season has begun. */
    public static int currentBenefitYear(LocalDate today, List<Integer> yearsWithPolicy) {
        int next = today.getYear() + 1;
        return today.getMonthValue() >= 9 && yearsWithPolicy.contains(next) ? next : today.getYear();
    }

    /**
     * Adults in a region with grades pay the grade they choose, grade 1 until they choose; nobody else has one. A
     * chosen grade the region does not offer is passed on as chosen, for the calculator to refuse with its reason —
     * never quietly replaced by another.
     */
    public static Integer grade(Category category, List<Integer> regionGrades, Integer chosen) {
        if (category != Category.ADULT) {
            return null;
        }
        if (chosen != null) {
            return chosen;
        }
        return regionGrades.isEmpty() ? null : regionGrades.get(0);
    }
}
