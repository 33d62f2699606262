package cn.yibao.portal.payment.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yibao.portal.payment.channel.BillFormatException;
import cn.yibao.portal.payment.domain.BillLine;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alipay's 业务明细: GBK as downloaded, UTF-8 as re-saved; payments and refunds with our numbers, fen exactly. */
class AlipayBillTest {

    private static final List<BillLine> EXPECTED = List.of(
            new BillLine(6, "P20240101000002", "2024010122001412340501234567", BillLine.Kind.PAYMENT, 38000,
                    Instant.parse("2024-01-01T02:05:21Z"), null),
            new BillLine(7, "P20240101000003", "2024010122001412340501234568", BillLine.Kind.PAYMENT, 1,
                    Instant.parse("2024-01-01T03:00:09Z"), null),
            new BillLine(8, "P20240101000004", "2024010122001412340501234569", BillLine.Kind.PAYMENT, 123450,
                    Instant.parse("2024-01-01T04:31:40Z"), null),
            new BillLine(9, "P20240101000002", "2024010122001412340501234567", BillLine.Kind.REFUND, 38000,
                    Instant.parse("2024-01-01T08:30:45Z"), "R20240101000002"));

    static byte[] resource(String name) {
        try (InputStream in = AlipayBillTest.class.getResourceAsStream("/payment/bills/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void gbkBillAsDownloaded() throws BillFormatException {
        assertThat(AlipayBill.parse(resource("alipay-business-detail-2024-01-01.csv"))).isEqualTo(EXPECTED);
    }

    @Test
    void utf8BillWithoutByteOrderMark() throws BillFormatException {
        byte[] utf8 = new String(resource("alipay-business-detail-2024-01-01.csv"), Charset.forName("GBK"))
                .getBytes(StandardCharsets.UTF_8);

        assertThat(AlipayBill.parse(utf8)).isEqualTo(EXPECTED);
    }

    @Test
    void billSavedByExcelAsUtf8WithByteOrderMarkAndGroupedAmounts() throws BillFormatException {
        assertThat(AlipayBill.parse(resource("alipay-business-detail-excel-utf8.csv"))).isEqualTo(EXPECTED);
    }

    @Test
    void aBadAmountIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> AlipayBill.parse(resource("alipay-business-detail-bad-line.csv")))
                .isInstanceOfSatisfying(BillFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(7);
                    assertThat(e.phrase()).isEqualTo(Phrase.of(BillFormatException.AT_LINE, 7,
                            Phrase.of("reconcile.billFile.amount", new Verbatim("0.0l"))));
                });
    }

    @Test
    void anUnknownBusinessTypeIsAnErrorNamingItsLine() {
        String bill = new String(resource("alipay-business-detail-2024-01-01.csv"), Charset.forName("GBK"))
                .replace("P20240101000004\t,交易\t", "P20240101000004\t,冲正\t");

        assertThatThrownBy(() -> AlipayBill.parse(bill.getBytes(Charset.forName("GBK"))))
                .isInstanceOfSatisfying(BillFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(8);
                    assertThat(e.phrase()).isEqualTo(Phrase.of(BillFormatException.AT_LINE, 8,
                            Phrase.of("reconcile.billFile.alipay.type", new Verbatim("冲正"))));
                });
    }

    @Test
    void aRefundWithoutItsRequestNumberIsAnError() {
        String bill = new String(resource("alipay-business-detail-2024-01-01.csv"), Charset.forName("GBK"))
                .replace("R20240101000002\t", "\t");

        assertThatThrownBy(() -> AlipayBill.parse(bill.getBytes(Charset.forName("GBK"))))
                .isInstanceOfSatisfying(BillFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(9);
                    assertThat(e.phrase()).isEqualTo(Phrase.of(BillFormatException.AT_LINE, 9,
                            Phrase.of("reconcile.billFile.refundBlank", new Verbatim("退款批次号/请求号"))));
                });
    }

    @Test
    void aFileWithoutHeaderIsNotABill() {
        assertThatThrownBy(() -> AlipayBill.parse("#支付宝业务明细查询\n#导出时间：[2024年01月02日]\n"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(BillFormatException.class,
                e -> assertThat(e.phrase()).isEqualTo(Phrase.of("reconcile.billFile.alipay.noHeader")));
    }
}
