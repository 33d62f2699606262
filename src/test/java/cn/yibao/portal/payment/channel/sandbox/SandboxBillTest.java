package cn.yibao.portal.payment.channel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yibao.portal.payment.channel.BillFormatException;
import cn.yibao.portal.payment.domain.BillLine;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import cn.yibao.portal.text.RealBundles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox's bill as it writes it is read back line for line; a bill it cannot read says why and where. */
class SandboxBillTest {

    private static final String HEADER = "交易时间,商户订单号,渠道交易号,类型,金额(元),退款单号\n";

    private static BillFormatException refused(String bill) {
        try {
            SandboxBill.parse(bill.getBytes(StandardCharsets.UTF_8));
        } catch (BillFormatException e) {
            return e;
        }
        throw new AssertionError("the bill was read: " + bill);
    }

    @Test
    void aLineWithABadAmountIsRefusedNamingTheLine() {
        BillFormatException e = refused(HEADER + "2023-10-15T10:00:00+08:00,YB1,SB1,PAYMENT,abc,\n");

        assertThat(e.lineNumber()).isEqualTo(2);
        assertThat(e.phrase()).isEqualTo(Phrase.of(BillFormatException.AT_LINE, 2,
                Phrase.of("reconcile.billFile.sandbox.typeOrAmount")));
        assertThat(RealBundles.zh(e.phrase())).isEqualTo("第 2 行：类型或金额不正确。");
        assertThat(RealBundles.en(e.phrase())).isEqualTo("Line 2: The type or the amount is not valid.");
    }

    @Test
    void eachFaultHasItsOwnWords() {
        assertThat(refused("").phrase()).isEqualTo(Phrase.of("reconcile.billFile.sandbox.empty"));
        assertThat(refused("# 只有注释\n").phrase()).isEqualTo(Phrase.of("reconcile.billFile.sandbox.empty"));
        assertThat(refused("x,y\n").phrase()).isEqualTo(Phrase.of(BillFormatException.AT_LINE, 1,
                Phrase.of("reconcile.billFile.sandbox.header")));
        assertThat(refused(HEADER + "a,b,c\n").phrase()).isEqualTo(Phrase.of(BillFormatException.AT_LINE, 2,
                Phrase.of("reconcile.billFile.fieldCount", 6, 3)));
        assertThat(refused(HEADER + "2023-10-15T10:00:00+08:00,,SB1,PAYMENT,1.00,\n").phrase())
                .isEqualTo(Phrase.of(BillFormatException.AT_LINE, 2, Phrase.of("reconcile.billFile.sandbox.numbers")));
        assertThat(refused(HEADER + "yesterday,YB1,SB1,PAYMENT,1.00,\n").phrase())
                .isEqualTo(Phrase.of(BillFormatException.AT_LINE, 2,
                        Phrase.of("reconcile.billFile.time", new Verbatim("yesterday"))));
        assertThat(RealBundles.en(refused(HEADER + "a,b,c\n").phrase()))
                .isEqualTo("Line 2: There should be 6 fields, but there are 3.");
    }

    @Test
    void whatItWritesItReads() throws BillFormatException {
        Instant at = Instant.parse("2023-10-15T02:00:00Z");
        String bill = SandboxBill.format("SANDBOX-MCH", "2023-10-15", List.of(
                new SandboxBooks.BillRow(at, "YB1", "SB1", "PAYMENT", 38000, null),
                new SandboxBooks.BillRow(at.plusSeconds(60), "YB1", "SB1", "REFUND", 38000, "RFYB1")),
                java.time.ZoneId.of("Asia/Shanghai"));

        assertThat(bill).startsWith("# 沙箱支付对账单 商户号 SANDBOX-MCH 日期 2023-10-15\n" + HEADER)
                .endsWith("# 合计 笔数 2 收款(元) 380.00 退款(元) 380.00\n");
        assertThat(SandboxBill.parse(bill.getBytes(StandardCharsets.UTF_8))).containsExactly(
                new BillLine(3, "YB1", "SB1", BillLine.Kind.PAYMENT, 38000, at, null),
                new BillLine(4, "YB1", "SB1", BillLine.Kind.REFUND, 38000, at.plusSeconds(60), "RFYB1"));
    }
}
