package cn.yibao.portal.payment.channel;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;

/** What the real channels' bill files have in common: their text encodings and their Beijing-time timestamps. */
public final class BillText {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final Charset GBK = Charset.forName("GBK");
    /** "2024-01-01 10:00:12", optionally with a fraction ("2024-01-01 16:30:45.320", Alipay's gmt_refund). */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    private BillText() {
    }

    /**
     * The bill's lines. UTF-8 with or without a byte-order mark; a file that is not valid UTF-8 is read as GBK (what
     * Alipay's downloads and Excel on Chinese Windows write).
     */
    public static List<String> lines(byte[] bill) {
        return decode(bill).lines().toList();
    }

    static String decode(byte[] bill) {
        if (bill.length >= 3 && (bill[0] & 0xFF) == 0xEF && (bill[1] & 0xFF) == 0xBB && (bill[2] & 0xFF) == 0xBF) {
            return new String(bill, 3, bill.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bill))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bill, GBK);
        }
    }

    /**
     * "2024-01-01 10:00:12" or "2024-01-01 10:00:12.320" (Beijing time) as an instant.
     *
     * @throws DateTimeParseException when it is not such a time
     */
    public static Instant beijingTime(String text) {
        return LocalDateTime.parse(text.strip(), TIME).atZone(BEIJING).toInstant();
    }
}
