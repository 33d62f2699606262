package cn.yibao.portal.benefit.domain;

/**
 * How to read {@link Estimate#fundPaysFen()}. Every estimate assumes the whole expense is within policy scope
 * (政策范围内; the SCOPE step says so): items outside it are self-paid, so the fund never pays more than the estimate.
 */
public enum Bound {
    /** Every figure used is exact (or the answer is certainly 0): "基金支付 X 元". */
    EXACT("基金支付"),
    /** A figure the estimate needs is unpublished, left to a lower level, or only a floor: "基金最多支付 X 元". */
    AT_MOST("基金最多支付"),
    /** The ratio is a target level (左右/平均), everything else exact: "基金约支付 X 元". */
    APPROXIMATE("基金约支付"),
    /** Both: an approximate ratio and a figure that makes the result a ceiling: "基金最多约支付 X 元". */
    AT_MOST_APPROXIMATE("基金最多约支付");

    private final String phrase;

    Bound(String phrase) {
        this.phrase = phrase;
    }

    /** The Chinese words that go before the amount. */
    public String phrase() {
        return phrase;
    }
}
