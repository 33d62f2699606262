package cn.yibao.portal.payment.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yibao.portal.payment.channel.BillFormatException;
import cn.yibao.portal.payment.domain.BillLine;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import cn.yibao.portal.text.RealBundles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WeChat Pay's trade bill (ALL): payments and refunds with our numbers, yuan to fen exactly. */
class WechatTradeBillTest {

    static byte[] resource(String name) {
        try (InputStream in = WechatTradeBillTest.class.getResourceAsStream("/payment/bills/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void paymentsAndRefundsOfOneDayWithOurNumbersAndExactAmounts() throws BillFormatException {
        List<BillLine> lines = WechatTradeBill.parse(resource("wechat-tradebill-all-2024-01-01.csv"));

        assertThat(lines).containsExactly(
                new BillLine(2, "P20240101000001", "4200002024010112345678901234", BillLine.Kind.PAYMENT, 38000,
                        Instant.parse("2024-01-01T02:00:12Z"), null),
                new BillLine(3, "P20240101000005", "4200002024010198765432109876", BillLine.Kind.PAYMENT, 1,
                        Instant.parse("2024-01-01T02:31:05Z"), null),
                new BillLine(4, "P20240101000006", "4200002024010155555555555555", BillLine.Kind.PAYMENT, 123450,
                        Instant.parse("2024-01-01T06:02:44Z"), null),
                new BillLine(5, "P20240101000001", "4200002024010112345678901234", BillLine.Kind.REFUND, 38000,
                        Instant.parse("2024-01-01T07:20:00Z"), "R20240101000001"));
    }

    @Test
    void aBadAmountIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> WechatTradeBill.parse(resource("wechat-tradebill-bad-amount.csv")))
                .isInstanceOfSatisfying(BillFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(3);
                    assertThat(e.phrase()).isEqualTo(Phrase.of(BillFormatException.AT_LINE, 3,
                            Phrase.of("reconcile.billFile.amount", new Verbatim("0.0l"))));
                    assertThat(RealBundles.zh(e.phrase())).isEqualTo("第 3 行：金额无法识别：0.0l");
                    assertThat(RealBundles.en(e.phrase())).isEqualTo("Line 3: The amount cannot be read: 0.0l");
                });
    }

    @Test
    void aLineWithMissingFieldsIsAnErrorNamingItsLine() {
        String bill = new String(resource("wechat-tradebill-all-2024-01-01.csv"), StandardCharsets.UTF_8)
                .replace("`0.60%,`1234.50,`0.00,`\r\n", "`0.60%,`1234.50\r\n");

        assertThatThrownBy(() -> WechatTradeBill.parse(bill.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(BillFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(4);
                    assertThat(e.phrase()).isEqualTo(Phrase.of(BillFormatException.AT_LINE, 4,
                            Phrase.of("reconcile.billFile.fieldCount", 27, 25)));
                });
    }

    @Test
    void aBillCutOffBeforeItsSummaryIsAnError() {
        String bill = new String(resource("wechat-tradebill-all-2024-01-01.csv"), StandardCharsets.UTF_8);
        String cut = bill.substring(0, bill.indexOf("总交易单数"));

        assertThatThrownBy(() -> WechatTradeBill.parse(cut.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(BillFormatException.class, e -> assertThat(e.phrase()).isEqualTo(
                        Phrase.of("reconcile.billFile.wechat.noSummary", new Verbatim("总交易单数"))));
    }

    @Test
    void anotherFileIsNotTakenForATradeBill() {
        byte[] other = "日期,金额\n2024-01-01,380.00\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WechatTradeBill.parse(other))
                .isInstanceOfSatisfying(BillFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(1);
                    assertThat(e.phrase()).isEqualTo(Phrase.of(BillFormatException.AT_LINE, 1,
                            Phrase.of("reconcile.billFile.wechat.noColumn", new Verbatim("交易时间"))));
                });
    }

    @Test
    void aByteOrderMarkIsIgnored() throws BillFormatException {
        byte[] bill = resource("wechat-tradebill-all-2024-01-01.csv");
        byte[] withMark = new byte[bill.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(bill, 0, withMark, 3, bill.length);

        assertThat(WechatTradeBill.parse(withMark)).hasSize(4);
    }
}
