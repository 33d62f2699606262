package cn.yibao.portal.contribution.api;

import cn.yibao.portal.contribution.domain.AddOn;
import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.shared.DateRange;
import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;
import java.util.List;

/**
 * The contribution one person owes for a benefit year, and why: standard − assistance = due, with the collection
 * window, whether paying on the given day is possible here, the benefit period, every citation, notes on figures that
 * are minimums or unpublished, and a step-by-step explanation, each sentence a {@link Phrase}.
 *
 * <p>{@code dueStanding} says what {@code dueFen} is: only {@link DueStanding#EXACT} is an amount owed; otherwise
 * {@code dueFen} is the standard before any unpublished assistance, shown with its standing in {@code headline}
 * ("2024年度个人缴费标准不低于 380 元"). {@code payable} is true only for an exact amount of a region the portal serves,
 * on a day the documents open for paying, with at least one benefit day left; then {@code benefitEnd} is set and
 * {@code benefitStart} too, unless the documents do not say when cover starts (newborns). Otherwise {@code reason}
 * says why, and {@code whereToPay} says where the payment is made instead when the portal merely cannot take it
 * ({@code null} when it cannot be made that day at all).
 */
public record Quote(String regionCode, String regionName, int benefitYear, long standardFen, long assistanceFen,
                    long dueFen, Long fiscalSubsidyFen, List<AddOn> optionalAddOns, boolean payable, Phrase reason,
                    DateRange collectionWindow, LocalDate benefitStart, LocalDate benefitEnd, Integer grade,
                    List<Integer> availableGrades, List<Citation> citations, List<Phrase> notes, List<Phrase> steps,
                    DueStanding dueStanding, Phrase headline, Phrase whereToPay) {
}
