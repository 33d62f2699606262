package cn.yibao.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.Receipt;
import cn.yibao.portal.qrcode.QrImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

class ReceiptPdfTest {

    private static final String URL =
            "https://yibao.example.cn/verify?t=AQAAAAFlK3n8ZVsKfAAAAAEsT0m3b2Z1k4Yx9q7QbVtN0c2xw8eJ3u5r1sPqLmN";
    private static final String FULL_ID = "142301199003071234";

    private static FontMapper systemFonts;

    private final ReceiptPdf pdf = new ReceiptPdf(bundles());

    /**
     * PDFBox reads the receipts as on a machine without any font (the CI machine has no Chinese font): the text must
     * come from the PDF itself. This also keeps PDFBox from scanning the system fonts into a cache in the home folder.
     */
    @BeforeAll
    static void readWithoutSystemFonts() throws IOException {
        systemFonts = FontMappers.instance();
        FontMappers.set(new NoSystemFonts());
    }

    @AfterAll
    static void restoreSystemFonts() {
        FontMappers.set(systemFonts);
    }

    @Test
    void sandboxReceiptShowsEveryFieldMaskedWithTheTestOnlyFooter() throws IOException {
        String text = text(pdf.render(receipt(PaymentChannelId.SANDBOX, "张*", "142***********1234"), qr()));

        assertThat(text).contains("城乡居民基本医疗保险 电子缴费凭证", "凭证编号", "RC20231015000123",
                "缴费人", "李*", "参保人", "张*（身份证号 142***********1234）", "参保地", "文水县",
                "待遇年度", "2024 年度", "金额", "380.00 元", "支付渠道", "沙箱支付（测试）",
                "渠道交易号", "SBX4200002023101512345678", "平台订单号", "PO20231015100501",
                "缴费时间", "2023-10-15 10:05:09", "扫码核验真伪",
                "本凭证由城乡居民医保自助服务平台生成；沙箱渠道的凭证仅供测试");
        assertThat(withoutWhitespace(text)).contains(URL);
        assertThat(text).doesNotContain(FULL_ID);
    }

    @ParameterizedTest
    @CsvSource({"WECHAT_PAY, 微信支付", "ALIPAY, 支付宝"})
    void realChannelReceiptsNameTheChannelAndAreNotMarkedAsTests(PaymentChannelId channel, String name)
            throws IOException {
        String text = text(pdf.render(receipt(channel, "张*", "142***********1234"), qr()));

        assertThat(text).contains(name, "本凭证由城乡居民医保自助服务平台生成").doesNotContain("沙箱", "仅供测试");
    }

    @Test
    void namesAndIdNumberReachingTheRendererUnmaskedArePrintedMasked() throws IOException {
        Receipt unmasked = new Receipt("RC20231015000124", "欧阳文静", "张三丰", FULL_ID, "文水县", 2024, 38000,
                PaymentChannelId.SANDBOX, "PO20231015100502", "SBX4200002023101512345679",
                Instant.parse("2023-10-15T02:05:09Z"), URL, null);

        String text = text(pdf.render(unmasked, qr()));

        assertThat(text).contains("欧阳**", "张**（身份证号 142***********1234）")
                .doesNotContain(FULL_ID, "1990030", "欧阳文静", "张三丰");
    }

    @Test
    void fitsOnOnePageWithTheQrCodeAsItsOnlyImageWhichLeadsToTheVerificationPage() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.render(receipt(PaymentChannelId.WECHAT_PAY, "张*",
                "142***********1234"), qr()))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            List<PDImageXObject> images = images(document.getPage(0).getResources());
            assertThat(images).hasSize(1);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(images.get(0).getImage(), "png", png);
            assertThat(QrImages.decode(png.toByteArray())).contains(URL);
        }
    }

    @Test
    void aMissingQrImageIsRefused() {
        Receipt receipt = receipt(PaymentChannelId.SANDBOX, "张*", "142***********1234");

        assertThatThrownBy(() -> pdf.render(receipt, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pdf.render(receipt, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"38000, 380.00", "0, 0.00", "5, 0.05", "123456, 1234.56", "100000000, 1000000.00"})
    void fenPrintAsYuanWithTwoDecimals(long fen, String yuan) {
        assertThat(ReceiptPdf.yuan(fen)).isEqualTo(yuan);
    }

    private static Receipt receipt(PaymentChannelId channel, String insuredName, String insuredId) {
        return new Receipt("RC20231015000123", "李*", insuredName, insuredId, "文水县", 2024, 38000, channel,
                "PO20231015100501", "SBX4200002023101512345678", Instant.parse("2023-10-15T02:05:09Z"), URL, null);
    }

    /** Issue #17, item 4: two receipts of one payer for "王**" say whose is whose: 本人, 子女. */
    @Test
    void theInsuredPersonsRelationToThePayerIsPrintedBesideTheMaskedName() throws IOException {
        String child = text(pdf.render(receipt(PaymentChannelId.SANDBOX, "王*", "141***********1414")
                .withRelation("CHILD"), qr()));
        String self = text(pdf.render(receipt(PaymentChannelId.SANDBOX, "王**", "141***********121X")
                .withRelation("SELF"), qr()));

        assertThat(child).contains("王*（子女，身份证号 141***********1414）");
        assertThat(self).contains("王**（本人，身份证号 141***********121X）");
    }

    /**
     * Issue #17, item 11: the Chinese font is embedded as a subset, so the receipt prints the same everywhere. The font
     * comes from Debian's fonts-wqy-microhei, which .ci/run installs.
     */
    @Test
    void theChineseFontIsEmbeddedAsASubsetAndTheTextReadsBackWithoutAnyInstalledFont() throws IOException {
        String font = ReceiptPdf.FONT_FILES.get(0);
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of(font)),
                "install fonts-wqy-microhei (.ci/run does) for " + font);
        ReceiptPdf embedding = new ReceiptPdf(bundles(), font);
        byte[] bytes = embedding.render(receipt(PaymentChannelId.WECHAT_PAY, "欧阳**", "142***********1234")
                .withRelation("CHILD"), qr());

        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDResources resources = document.getPage(0).getResources();
            List<org.apache.pdfbox.pdmodel.font.PDFont> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(used -> {
                assertThat(used.isEmbedded()).as("%s embedded", used.getName()).isTrue();
                assertThat(used.getName()).as("a subset").matches("[A-Z]{6}\\+.*");
            });
        }
        assertThat(withoutWhitespace(text(bytes))).contains("欧阳**（子女，身份证号142***********1234）", "微信支付",
                "电子缴费凭证");
        assertThat(bytes.length).as("a subset, not the whole 5 MB font").isLessThan(300_000);
    }

    /** Receipts are drawn on many threads at once from one font held in memory: each reads back whole. */
    @Test
    void receiptsDrawnAtOnceOnManyThreadsEachReadBack() throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> drawn = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String name = i % 2 == 0 ? "欧阳**" : "司马*";
                drawn.add(threads.submit(() -> withoutWhitespace(text(pdf.render(
                        receipt(PaymentChannelId.ALIPAY, name, "142***********1234"), qr())))));
            }
            for (int i = 0; i < drawn.size(); i++) {
                assertThat(drawn.get(i).get()).contains((i % 2 == 0 ? "欧阳**" : "司马*") + "（身份证号142***********1234）",
                        "支付宝", "电子缴费凭证");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void withoutAFontFileTheFontIsReferencedAndTheReceiptStillReads() throws IOException {
        ReceiptPdf referencing = new ReceiptPdf(bundles(), "/nonexistent/font.ttc");

        assertThat(text(referencing.render(receipt(PaymentChannelId.SANDBOX, "张*", "142***********1234"), qr())))
                .contains("张*（身份证号 142***********1234）");
    }

    private static byte[] qr() {
        return QrImages.png(URL, 8);
    }

    /** As Spring Boot configures it (spring.messages.basename=messages, UTF-8, no system-locale fallback). */
    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static List<PDImageXObject> images(PDResources resources) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        return images;
    }

    /** Every font request is answered with PDFBox's own last-resort font, as if no font were installed. */
    private static final class NoSystemFonts implements FontMapper {

        private final TrueTypeFont lastResort;

        NoSystemFonts() throws IOException {
            try (InputStream in = PDDocument.class.getResourceAsStream(
                    "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                lastResort = new TTFParser().parse(new RandomAccessReadBuffer(in));
            }
        }

        @Override
        public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
            return new FontMapping<>(lastResort, true);
        }

        @Override
        public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
            return new FontMapping<>(lastResort, true);
        }

        @Override
        public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
            return new CIDFontMapping(null, lastResort, true);
        }
    }
}
