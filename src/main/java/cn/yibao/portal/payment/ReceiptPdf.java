package cn.yibao.portal.payment;

import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.Receipt;
import cn.yibao.portal.shared.PersonalDataMasks;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Draws an e-receipt (电子缴费凭证) as a one-page A5 PDF: the receipt's fields, the QR code that leads to the public
 * verification page, that page's address, and a footer that marks sandbox receipts as test-only.
 *
 * <p>Chinese text is drawn in a free CJK TrueType font embedded as a subset (only the glyphs the receipt uses, some
 * tens of kilobytes), so that the receipt prints the same on every viewer and printer: the file
 * {@code portal.receipt.font} names, else WenQuanYi Micro Hei from Debian's {@code fonts-wqy-microhei} (installed by
 * {@code .ci/run} and the deployment; Apache-2.0/GPLv3 with font embedding exception). A text with a character that
 * font lacks (a rare name character), and every text when no font file is found, falls back to Adobe's STSong-Light
 * with the UniGB-UCS2-H CMap shipped inside OpenPDF, which covers GB 18030's Adobe-GB1 set but can only be referenced:
 * viewers draw it with their own Chinese font.
 *
 * <p>Names and the ID number are masked again here (masking is idempotent), so that a receipt value built with an
 * unmasked field by mistake still prints masked.
 *
 * <p>{@link #render} is blocking CPU work (a few milliseconds): reactive callers must run it off the event loop, e.g.
 * {@code Mono.fromCallable(() -> receiptPdf.render(receipt, png)).subscribeOn(Schedulers.boundedElastic())}.
 * Thread-safe.
 */
@Component
public final class ReceiptPdf {

    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter PAID_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(SHANGHAI);

    private static final float MARGIN = 36f;
    private static final float FOOTER_HEIGHT = 30f;
    private static final float QR_SIDE = 136f;
    private static final float URL_MAX_SIZE = 8.5f;
    private static final float URL_MIN_SIZE = 6f;
    private static final Color TEXT = Color.BLACK;
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color RULE = new Color(0xbb, 0xbb, 0xbb);

    /** Where the embedded font is looked for when {@code portal.receipt.font} names none (Debian's packages). */
    static final List<String> FONT_FILES = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private static final Logger log = LoggerFactory.getLogger(ReceiptPdf.class);

    private final MessageSource messages;
    /** The font drawn with: embedded when a font file was found, else {@link #referenced}. */
    private final BaseFont chinese;
    private final BaseFont referenced;

    ReceiptPdf(MessageSource messages) {
        this(messages, "");
    }

    @Autowired
    ReceiptPdf(MessageSource messages, @Value("${portal.receipt.font:}") String fontFile) {
        this.messages = messages;
        try {
            // Cached by OpenPDF; CJK fonts from the built-in CMaps can only be referenced, never embedded.
            this.referenced = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("OpenPDF's CJK font STSong-Light/UniGB-UCS2-H is not available", e);
        }
        this.chinese = embeddable(fontFile).orElse(referenced);
    }

    /** The first font file found, loaded to be embedded as a subset (Identity-H); empty when there is none. */
    private static Optional<BaseFont> embeddable(String configured) {
        List<String> candidates = configured == null || configured.isBlank() ? FONT_FILES : List.of(configured.strip());
        for (String file : candidates) {
            if (!Files.isReadable(Path.of(file))) {
                continue;
            }
            try {
                // Read once into memory: subsetting from the file took ~0.4 s a receipt, from memory ~20 ms (each
                // receipt reads the bytes through its own pointer). A collection names its face by index.
                byte[] bytes = Files.readAllBytes(Path.of(file));
                String name = Path.of(file).getFileName().toString();
                BaseFont font = BaseFont.createFont(name.endsWith(".ttc") ? name + ",0" : name, BaseFont.IDENTITY_H,
                        BaseFont.EMBEDDED, false, bytes, null);
                font.setSubset(true);
                return Optional.of(font);
            } catch (DocumentException | IOException e) {
                log.warn("Receipt font {} could not be loaded: {}", file, e.toString());
            }
        }
        log.warn("No CJK font file for receipts ({}): receipts reference STSong-Light without embedding it",
                String.join(", ", candidates));
        return Optional.empty();
    }

    /** Whether receipts embed their font (a font file was found). */
    boolean embedsFont() {
        return chinese != referenced;
    }

    /**
     * The receipt as PDF bytes.
     *
     * @param qrPng the PNG of the QR code that encodes {@link Receipt#verificationUrl()}, e.g. from {@code QrImages.png}
     */
    public byte[] render(Receipt receipt, byte[] qrPng) {
        Objects.requireNonNull(receipt, "receipt");
        if (qrPng == null || qrPng.length == 0) {
            throw new IllegalArgumentException("QR image is missing");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        Document document = new Document(PageSize.A5, MARGIN, MARGIN, MARGIN, MARGIN + FOOTER_HEIGHT);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            String footer = footer(receipt.channel());
            writer.setPageEvent(new Footer(footer, fitting(footer, font(8.5f, Font.NORMAL, MUTED))));
            document.addTitle(text("receipt.pdf.title"));
            document.addCreator(text("receipt.pdf.creator"));
            document.open();
            document.add(title());
            document.add(fields(receipt));
            document.add(qrCode(qrPng));
            document.add(centered(text("receipt.pdf.qr.caption"), font(10.5f, Font.NORMAL, TEXT), 4f));
            document.add(centered(receipt.verificationUrl(), urlFont(receipt.verificationUrl()), 2f));
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("receipt " + receipt.receiptNo() + " could not be drawn", e);
        }
        return out.toByteArray();
    }

    private Paragraph title() {
        String heading = text("receipt.pdf.title");
        Paragraph title = new Paragraph(heading, fitting(heading, font(16f, Font.BOLD, TEXT)));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(14f);
        return title;
    }

    private PdfPTable fields(Receipt receipt) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {27f, 73f});
        table.setWidthPercentage(100f);
        table.setSpacingAfter(16f);
        Font label = font(10.5f, Font.NORMAL, MUTED);
        Font value = font(11.5f, Font.NORMAL, TEXT);
        row(table, label, "receipt.pdf.receiptNo", receipt.receiptNo(), value);
        row(table, label, "receipt.pdf.payer", PersonalDataMasks.maskName(receipt.payerName()), value);
        String insuredName = PersonalDataMasks.maskName(receipt.insuredName());
        String insuredId = PersonalDataMasks.maskIdNumber(receipt.insuredIdMasked());
        row(table, label, "receipt.pdf.insured", receipt.insuredRelation() == null
                ? text("receipt.pdf.insured.value", insuredName, insuredId)
                : text("receipt.pdf.insured.relation", insuredName, insuredId,
                        text("relation." + receipt.insuredRelation())), value);
        row(table, label, "receipt.pdf.region", receipt.insuredRegionName(), value);
        // A String argument: MessageFormat would group an int as "2,024".
        row(table, label, "receipt.pdf.year", text("receipt.pdf.year.value", String.valueOf(receipt.benefitYear())), value);
        row(table, label, "receipt.pdf.amount", text("receipt.pdf.amount.value", yuan(receipt.amountFen())),
                font(13f, Font.BOLD, TEXT));
        row(table, label, "receipt.pdf.channel", text("receipt.pdf.channel." + receipt.channel().name()), value);
        row(table, label, "receipt.pdf.transactionId", receipt.transactionId(), value);
        row(table, label, "receipt.pdf.orderNo", receipt.orderNo(), value);
        row(table, label, "receipt.pdf.paidAt", PAID_AT.format(receipt.paidAt()), value);
        return table;
    }

    private void row(PdfPTable table, Font labelFont, String labelKey, String value, Font valueFont) {
        table.addCell(cell(text(labelKey), labelFont));
        table.addCell(cell(value == null ? "" : value, valueFont));
    }

    private PdfPCell cell(String content, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(content, fitting(content, font)));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(4f);
        cell.setPaddingBottom(6f);
        cell.setPaddingLeft(2f);
        cell.setUseAscender(true);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private static Image qrCode(byte[] png) throws DocumentException, IOException {
        Image image = Image.getInstance(png);
        image.scaleAbsolute(QR_SIDE, QR_SIDE);
        image.setAlignment(Image.MIDDLE);
        return image;
    }

    private Paragraph centered(String content, Font font, float spacingBefore) {
        Paragraph paragraph = new Paragraph(content, fitting(content, font));
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    /** The address on one line where it fits at a readable size; a longer one wraps. */
    private Font urlFont(String url) {
        float width = PageSize.A5.getWidth() - 2 * MARGIN;
        float fitting = width / Math.max(1f, chinese.getWidthPoint(url, 1f));
        return font(Math.max(URL_MIN_SIZE, Math.min(URL_MAX_SIZE, (float) Math.floor(fitting * 10) / 10)),
                Font.NORMAL, MUTED);
    }

    private String footer(PaymentChannelId channel) {
        return text(channel == PaymentChannelId.SANDBOX ? "receipt.pdf.footer.sandbox" : "receipt.pdf.footer");
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private Font font(float size, int style, Color color) {
        return new Font(chinese, size, style, color);
    }

    /** The font, or the referenced fallback in its size and style when the embedded font lacks a character. */
    private Font fitting(String content, Font font) {
        if (!embedsFont() || content.codePoints().allMatch(c -> Character.isWhitespace(c) || chinese.charExists(c))) {
            return font;
        }
        return new Font(referenced, font.getSize(), font.getStyle(), font.getColor());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, LOCALE);
    }

    /** The footer at the foot of every page (the receipt has one). */
    private static final class Footer extends PdfPageEventHelper {

        private final String text;
        private final Font font;

        Footer(String text, Font font) {
            this.text = text;
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            ColumnText column = new ColumnText(writer.getDirectContent());
            column.setSimpleColumn(new Phrase(text, font), document.left(), document.bottom() - FOOTER_HEIGHT,
                    document.right(), document.bottom() - 6f, 11f, Element.ALIGN_CENTER);
            try {
                column.go();
            } catch (DocumentException e) {
                throw new IllegalStateException("receipt footer could not be drawn", e);
            }
        }
    }
}
