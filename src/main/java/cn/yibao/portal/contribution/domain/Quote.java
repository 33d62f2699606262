package cn.yibao.portal.contribution.domain;

import cn.yibao.portal.policy.domain.Citation;
import cn.yibao.portal.policy.domain.DateRange;
import java.time.LocalDate;
import java.util.List;

/**
 * The contribution one person owes for a benefit year, and why: standard − assistance = due, with the collection
 * window, whether paying on the given day is possible, the benefit period, every citation, notes on figures that
 * are minimums or unpublished, and a step-by-step Chinese explanation.
 */
public record Quote(String regionCode, String regionName, int benefitYear, long standardFen, long assistanceFen,
                    long dueFen, Long fiscalSubsidyFen, List<AddOn> optionalAddOns, boolean payable, String reason,
                    DateRange collectionWindow, LocalDate benefitStart, LocalDate benefitEnd, Integer grade,
                    List<Integer> availableGrades, List<Citation> citations, List<String> notes, List<String> steps) {
}
