package cn.yibao.portal.resident.api;

import java.time.LocalDate;
import java.time.Period;

/** The category a resident gets when first seen, before any local record says otherwise. */
public final class Categories {

    /** 18 years: the age of majority (《民法典》第十七条). */
    private static final int AGE_OF_MAJORITY = 18;

    private Categories() {
    }

    public static Category initialCategory(LocalDate birthDate, LocalDate today) {
        return isMinorOn(birthDate, today) ? Category.MINOR : Category.ADULT;
    }

    public static boolean isMinorOn(LocalDate birthDate, LocalDate day) {
        return Period.between(birthDate, day).getYears() < AGE_OF_MAJORITY;
    }
}
