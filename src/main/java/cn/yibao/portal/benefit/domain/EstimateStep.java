package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.shared.Phrase;

/**
 * One step of an estimate: a code (SCOPE, COVERAGE, DEDUCTIBLE, RATIO, REMOTE, CAP, REMAINING_CAP, RESULT), a text (a
 * {@link Phrase}) with the figure and what it means, the amount the step arrives at (fen; {@code null} where there is none; on
 * the way to {@link Estimate#fundPaysFen()}, so the "about" amount where the ratio is a target level), and the figure's
 * citation and standing ({@code null} for steps that use no policy figure).
 */
public record EstimateStep(String code, Phrase text, Long amountFen, Citation citation, Standing standing) {
}
