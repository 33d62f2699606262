package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.shared.Phrase;

/**
 * How to read {@link Estimate#fundPaysFen()}. Every estimate assumes the whole expense is within policy scope
 * (政策范围内; the SCOPE step says so): items outside it are self-paid, so the fund never pays more than
 * {@link Estimate#fundPaysAtMostFen()}, whatever the bound.
 */
public enum Bound {
    /** Every figure used is exact (or the answer is certainly 0): "基金支付 X 元". */
    EXACT,
    /**
     * A true ceiling: a figure the estimate needs is unpublished, left to a lower level, or only a floor or a ceiling,
     * and it is counted at its most favourable (deductible 0, ratio 100%, no cap): "基金最多支付 X 元". Never rests on
     * a target level (左右/平均): such a ratio gives {@link #APPROXIMATE}.
     */
    AT_MOST,
    /**
     * The ratio is a target level (左右/平均), an overall average rather than a per-bill figure: "基金约支付 X 元".
     * The bill may be paid above or below it, so this is not a ceiling; {@link Estimate#fundPaysAtMostFen()} is. Where
     * another figure is unpublished it is counted at its most favourable and the RESULT step says the amount may be
     * lower.
     */
    APPROXIMATE;

    /** The words that go before the amount ({@code benefit.bound.*}); "最多" only for a true ceiling. */
    public Phrase phrase() {
        return Phrase.of("benefit.bound." + name());
    }
}
