package cn.yibao.portal.shared;

import java.math.BigDecimal;

/** Money is whole fen (分) inside the portal; yuan only at the edges (data files, views). */
public final class Money {

    private Money() {
    }

    /** "380" → 38000; "0.5" → 50. Rejects more than two decimals and negative amounts. */
    public static long fenFromYuan(String yuan) {
        BigDecimal amount = new BigDecimal(yuan.strip());
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + yuan);
        }
        return amount.movePointRight(2).longValueExact();
    }

    /** 38000 → "380"; 3850 → "38.50". */
    public static String yuan(long fen) {
        BigDecimal amount = BigDecimal.valueOf(fen, 2);
        return fen % 100 == 0 ? amount.setScale(0).toPlainString() : amount.toPlainString();
    }
}
