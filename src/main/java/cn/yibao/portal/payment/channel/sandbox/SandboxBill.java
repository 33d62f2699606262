package cn.yibao.portal.payment.channel.sandbox;

import cn.yibao.portal.payment.channel.BillFormatException;
import cn.yibao.portal.payment.domain.BillLine;
import cn.yibao.portal.shared.Money;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's daily bill: UTF-8 CSV, {@code #} comment lines, one header line, then one line per payment or
 * refund with the amount in yuan — close to what the real channels hand out.
 */
final class SandboxBill {

    // The file's own text, in Chinese like the real channels' bills it stands in for (a format, not words of ours).
    static final String HEADER = "交易时间,商户订单号,渠道交易号,类型,金额(元),退款单号";
    private static final String TITLE = "# 沙箱支付对账单 商户号 %s 日期 %s";
    private static final String TOTALS = "# 合计 笔数 %d 收款(元) %s 退款(元) %s";

    private SandboxBill() {
    }

    static String format(String merchantId, String day, List<SandboxBooks.BillRow> rows, ZoneId zone) {
        StringBuilder bill = new StringBuilder(TITLE.formatted(merchantId, day)).append('\n').append(HEADER).append('\n');
        long paid = 0;
        long refunded = 0;
        for (SandboxBooks.BillRow row : rows) {
            bill.append(row.at().atZone(zone).toOffsetDateTime()).append(',').append(row.orderNo()).append(',')
                    .append(row.transactionId()).append(',').append(row.kind()).append(',')
                    .append(BigDecimal.valueOf(row.amountFen(), 2).toPlainString()).append(',')
                    .append(row.refundNo() == null ? "" : row.refundNo()).append('\n');
            if ("PAYMENT".equals(row.kind())) {
                paid += row.amountFen();
            } else {
                refunded += row.amountFen();
            }
        }
        return bill.append(TOTALS.formatted(rows.size(), BigDecimal.valueOf(paid, 2).toPlainString(),
                BigDecimal.valueOf(refunded, 2).toPlainString())).append('\n').toString();
    }

    static List<BillLine> parse(byte[] bytes) throws BillFormatException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<BillLine> lines = new ArrayList<>();
        String[] rows = text.split("\r?\n");
        boolean headerSeen = false;
        for (int i = 0; i < rows.length; i++) {
            int number = i + 1;
            String row = rows[i].strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!row.equals(HEADER)) {
                    throw BillFormatException.atLine(number, "reconcile.billFile.sandbox.header");
                }
                headerSeen = true;
                continue;
            }
            lines.add(line(number, row.split(",", -1)));
        }
        if (!headerSeen) {
            throw new BillFormatException(1, Phrase.of("reconcile.billFile.sandbox.empty"));
        }
        return lines;
    }

    private static BillLine line(int number, String[] fields) throws BillFormatException {
        if (fields.length != 6) {
            throw BillFormatException.atLine(number, "reconcile.billFile.fieldCount", 6, fields.length);
        }
        try {
            Instant at = OffsetDateTime.parse(fields[0]).toInstant();
            BillLine.Kind kind = BillLine.Kind.valueOf(fields[3]);
            if (fields[1].isBlank() || fields[2].isBlank()) {
                throw BillFormatException.atLine(number, "reconcile.billFile.sandbox.numbers");
            }
            return new BillLine(number, fields[1], fields[2], kind, Money.fenFromYuan(fields[4]), at,
                    fields[5].isBlank() ? null : fields[5]);
        } catch (DateTimeParseException e) {
            throw BillFormatException.atLine(number, "reconcile.billFile.time", new Verbatim(fields[0]));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw BillFormatException.atLine(number, "reconcile.billFile.sandbox.typeOrAmount");
        }
    }
}
