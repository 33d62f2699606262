package cn.yibao.portal.payment.channel;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Yuan as the real channels write them (bills, Alipay amounts) to and from whole fen, exactly: decimal strings only,
 * never a {@code double}.
 */
public final class Yuan {

    /** "380", "380.5", "380.50", "-0.01", and thousands grouped in threes ("1,234.50"); nothing else. */
    private static final Pattern AMOUNT = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?");

    private Yuan() {
    }

    /**
     * "0.01" → 1, "380.00" → 38000, "1,234.50" → 123450, "-380.00" → -38000.
     *
     * @throws IllegalArgumentException for anything that is not such an amount (three decimals, letters, "1,23.00")
     */
    public static long toFen(String yuan) {
        String text = yuan == null ? "" : yuan.strip();
        if (!AMOUNT.matcher(text).matches()) {
            throw new IllegalArgumentException("Not an amount in yuan: '" + text + "'");
        }
        return new BigDecimal(text.replace(",", "")).movePointRight(2).longValueExact();
    }

    /** 1 → "0.01", 38000 → "380.00": the two-decimal form the channels' APIs expect. */
    public static String of(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
