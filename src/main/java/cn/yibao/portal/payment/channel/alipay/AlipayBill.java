package cn.yibao.portal.payment.channel.alipay;

import cn.yibao.portal.payment.channel.BillFormatException;
import cn.yibao.portal.payment.channel.BillText;
import cn.yibao.portal.payment.channel.Yuan;
import cn.yibao.portal.payment.domain.BillLine;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Alipay's 业务明细 CSV (from the daily trade bill, alipay.data.dataservice.bill.downloadurl.query): comment lines
 * starting with {@code #} before and after (title, account, period, totals), one header line, then one line per
 * 交易 or 退款. Values often end in a tab (Alipay adds it so that Excel keeps long numbers as text). Downloads are GBK;
 * UTF-8 with or without a byte-order mark is read too. Columns are found by their header names.
 *
 * <p>Payments carry 订单金额（元）; refunds carry the money that went back, the absolute value of 商家实收（元）
 * (negative on refund lines), and their request number in 退款批次号/请求号 — our refund number.
 */
final class AlipayBill {

    // The bill's own column names and 业务类型 values, matched against the file: Alipay's format, not words of ours.
    private static final String PAYMENT = "交易";
    private static final String REFUND = "退款";
    private static final String TRANSACTION_ID = "支付宝交易号";
    private static final String ORDER_NO = "商户订单号";
    private static final String TYPE = "业务类型";
    private static final String FINISHED_AT = "完成时间";
    private static final String CREATED_AT = "创建时间";
    private static final String ORDER_AMOUNT = "订单金额（元）";
    private static final String RECEIVED = "商家实收（元）";
    private static final String REFUND_NO = "退款批次号/请求号";

    private AlipayBill() {
    }

    static List<BillLine> parse(byte[] bill) throws BillFormatException {
        List<String> lines = BillText.lines(bill);
        Columns columns = null;
        List<BillLine> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int lineNumber = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line, lineNumber);
            if (columns == null) {
                columns = Columns.of(fields, lineNumber);
            } else {
                result.add(columns.read(fields, lineNumber));
            }
        }
        if (columns == null) {
            throw new BillFormatException(Math.max(1, lines.size()), Phrase.of("reconcile.billFile.alipay.noHeader"));
        }
        return result;
    }

    /** Comma-separated; a field may be double-quoted (Excel does so when it saves a comma or quote). */
    static List<String> fields(String line, int lineNumber) throws BillFormatException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw BillFormatException.atLine(lineNumber, "reconcile.billFile.alipay.quote");
        }
        fields.add(field.toString().strip());
        return fields;
    }

    private record Columns(int count, int transactionId, int orderNo, int type, int finishedAt, int createdAt,
                           int orderAmount, int received, int refundNo) {

        static Columns of(List<String> header, int lineNumber) throws BillFormatException {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(normalized(header.get(i)), i);
            }
            return new Columns(header.size(),
                    required(index, lineNumber, TRANSACTION_ID),
                    required(index, lineNumber, ORDER_NO),
                    required(index, lineNumber, TYPE),
                    index.getOrDefault(FINISHED_AT, -1),
                    required(index, lineNumber, CREATED_AT),
                    required(index, lineNumber, ORDER_AMOUNT),
                    required(index, lineNumber, RECEIVED),
                    required(index, lineNumber, REFUND_NO));
        }

        /** Header names are sometimes written with ASCII parentheses. */
        private static String normalized(String name) {
            return name.strip().replace('(', '（').replace(')', '）');
        }

        private static int required(Map<String, Integer> index, int lineNumber, String name)
                throws BillFormatException {
            Integer column = index.get(name);
            if (column == null) {
                throw BillFormatException.atLine(lineNumber, "reconcile.billFile.alipay.noColumn", new Verbatim(name));
            }
            return column;
        }

        BillLine read(List<String> fields, int lineNumber) throws BillFormatException {
            if (fields.size() != count) {
                throw BillFormatException.atLine(lineNumber, "reconcile.billFile.fieldCount", count, fields.size());
            }
            String orderNo = fields.get(this.orderNo);
            if (orderNo.isEmpty()) {
                throw BillFormatException.atLine(lineNumber, "reconcile.billFile.blank", new Verbatim(ORDER_NO));
            }
            String time = finishedAt >= 0 && !fields.get(finishedAt).isEmpty() ? fields.get(finishedAt)
                    : fields.get(createdAt);
            Instant occurredAt;
            try {
                occurredAt = BillText.beijingTime(time);
            } catch (DateTimeParseException e) {
                throw BillFormatException.atLine(lineNumber, "reconcile.billFile.time", new Verbatim(time));
            }
            String kind = fields.get(type);
            return switch (kind) {
                case PAYMENT -> new BillLine(lineNumber, orderNo, fields.get(transactionId), BillLine.Kind.PAYMENT,
                        Math.abs(amount(fields.get(orderAmount), lineNumber)), occurredAt, null);
                case REFUND -> {
                    String refund = fields.get(this.refundNo);
                    if (refund.isEmpty()) {
                        throw BillFormatException.atLine(lineNumber, "reconcile.billFile.refundBlank",
                                new Verbatim(REFUND_NO));
                    }
                    yield new BillLine(lineNumber, orderNo, fields.get(transactionId), BillLine.Kind.REFUND,
                            Math.abs(amount(fields.get(received), lineNumber)), occurredAt, refund);
                }
                default -> throw BillFormatException.atLine(lineNumber, "reconcile.billFile.alipay.type",
                        new Verbatim(kind));
            };
        }

        private static long amount(String yuan, int lineNumber) throws BillFormatException {
            try {
                return Yuan.toFen(yuan);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw BillFormatException.atLine(lineNumber, "reconcile.billFile.amount", new Verbatim(yuan));
            }
        }
    }
}
