package cn.yibao.portal.payment.channel.wechat;

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
 * WeChat Pay's daily trade bill ({@code GET /v3/bill/tradebill}, bill_type ALL, uncompressed), as in
 * "交易账单文件格式说明": a header line; one line per payment (交易状态 SUCCESS) or refund (REFUND), every field
 * prefixed with a backtick so that Excel keeps long numbers; then a summary header (总交易单数,…) and one summary
 * line. Amounts are yuan with two decimals. Columns are found by their header names, since WeChat does not promise
 * their order.
 *
 * <p>Payments carry 订单金额 (older files: 总金额, else 应结订单金额); refunds carry 申请退款金额 (else 退款金额) — the
 * amounts we asked for, which is what our orders and refunds record.
 */
final class WechatTradeBill {

    // The bill's own column names, matched against the file: WeChat's format, not words of ours.
    private static final String SUMMARY_HEADER = "总交易单数";
    private static final String TIME = "交易时间";
    private static final String TRANSACTION_ID = "微信订单号";
    private static final String ORDER_NO = "商户订单号";
    private static final String STATUS = "交易状态";
    private static final String[] PAYMENT_AMOUNT = {"订单金额", "总金额", "应结订单金额"};
    private static final String REFUND_NO = "商户退款单号";
    private static final String[] REFUND_AMOUNT = {"申请退款金额", "退款金额"};

    private WechatTradeBill() {
    }

    static List<BillLine> parse(byte[] bill) throws BillFormatException {
        List<String> lines = BillText.lines(bill);
        int headerIndex = firstNonBlank(lines);
        if (headerIndex < 0) {
            throw new BillFormatException(1, Phrase.of("reconcile.billFile.wechat.empty"));
        }
        Columns columns = Columns.of(lines.get(headerIndex), headerIndex + 1);
        List<BillLine> result = new ArrayList<>();
        for (int i = headerIndex + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int lineNumber = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith(SUMMARY_HEADER)) {
                return result; // the summary header and its line end the details
            }
            result.add(columns.read(fields(line, lineNumber), lineNumber));
        }
        throw new BillFormatException(lines.size(), Phrase.of("reconcile.billFile.wechat.noSummary",
                new Verbatim(SUMMARY_HEADER)));
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** "`a,`b,`c" → [a, b, c]. Splitting at ",`" keeps a comma inside a product name in its field. */
    private static List<String> fields(String line, int lineNumber) throws BillFormatException {
        if (!line.startsWith("`")) {
            throw BillFormatException.atLine(lineNumber, "reconcile.billFile.wechat.backtick");
        }
        List<String> fields = new ArrayList<>();
        for (String field : line.substring(1).split(",`", -1)) {
            fields.add(field.strip());
        }
        return fields;
    }

    private record Columns(int count, Map<String, Integer> index, int time, int transactionId, int orderNo,
                           int status, int paymentAmount, int refundNo, int refundAmount) {

        static Columns of(String header, int lineNumber) throws BillFormatException {
            String[] names = header.strip().split(",", -1);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                index.putIfAbsent(names[i].strip(), i);
            }
            return new Columns(names.length, index,
                    required(index, lineNumber, TIME),
                    required(index, lineNumber, TRANSACTION_ID),
                    required(index, lineNumber, ORDER_NO),
                    required(index, lineNumber, STATUS),
                    required(index, lineNumber, PAYMENT_AMOUNT),
                    required(index, lineNumber, REFUND_NO),
                    required(index, lineNumber, REFUND_AMOUNT));
        }

        private static int required(Map<String, Integer> index, int lineNumber, String... names)
                throws BillFormatException {
            for (String name : names) {
                Integer column = index.get(name);
                if (column != null) {
                    return column;
                }
            }
            throw BillFormatException.atLine(lineNumber, "reconcile.billFile.wechat.noColumn", new Verbatim(names[0]));
        }

        BillLine read(List<String> fields, int lineNumber) throws BillFormatException {
            if (fields.size() != count) {
                throw BillFormatException.atLine(lineNumber, "reconcile.billFile.fieldCount", count, fields.size());
            }
            String orderNo = fields.get(this.orderNo);
            if (orderNo.isEmpty()) {
                throw BillFormatException.atLine(lineNumber, "reconcile.billFile.blank", new Verbatim(ORDER_NO));
            }
            Instant occurredAt;
            try {
                occurredAt = BillText.beijingTime(fields.get(time));
            } catch (DateTimeParseException e) {
                throw BillFormatException.atLine(lineNumber, "reconcile.billFile.time", new Verbatim(fields.get(time)));
            }
            String state = fields.get(status);
            return switch (state) {
                case "SUCCESS" -> new BillLine(lineNumber, orderNo, fields.get(transactionId), BillLine.Kind.PAYMENT,
                        amount(fields.get(paymentAmount), lineNumber), occurredAt, null);
                case "REFUND" -> {
                    String refund = fields.get(this.refundNo);
                    if (refund.isEmpty()) {
                        throw BillFormatException.atLine(lineNumber, "reconcile.billFile.refundBlank",
                                new Verbatim(REFUND_NO));
                    }
                    yield new BillLine(lineNumber, orderNo, fields.get(transactionId), BillLine.Kind.REFUND,
                            amount(fields.get(refundAmount), lineNumber), occurredAt, refund);
                }
                default -> throw BillFormatException.atLine(lineNumber, "reconcile.billFile.wechat.status",
                        new Verbatim(state));
            };
        }

        private static long amount(String yuan, int lineNumber) throws BillFormatException {
            try {
                long fen = Yuan.toFen(yuan);
                if (fen >= 0) {
                    return fen;
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                // reported below
            }
            throw BillFormatException.atLine(lineNumber, "reconcile.billFile.amount", new Verbatim(yuan));
        }
    }
}
