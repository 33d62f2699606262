package cn.yibao.portal.payment;

import cn.yibao.portal.identity.domain.PersonalDataMasks;
import cn.yibao.portal.payment.domain.PaymentChannelId;
import cn.yibao.portal.payment.domain.Receipt;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Draws an e-receipt (电子缴费凭证) as a one-page A5 PDF: the receipt's fields, the QR code that leads to the public
 * verification page, that page's address, and a footer that marks sandbox receipts as test-only.
 *
 * <p>Chinese text uses Adobe's CJK font STSong-Light with the UniGB-UCS2-H CMap, whose metrics and CMaps ship
 * inside OpenPDF: no font file is needed on the server, and every character of GB 18030's Adobe-GB1 set (rare name
 * characters, any county name) can be drawn. The font is referenced, not embedded; PDF viewers draw it with their
 * own Chinese font (every phone and desktop OS has one; Acrobat uses its Asian font pack).
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

    private final MessageSource messages;
    private final BaseFont chinese;

    ReceiptPdf(MessageSource messages) {
        this.messages = messages;
        try {
            // Cached by OpenPDF; CJK fonts from the built-in CMaps can only be referenced, never embedded.
            this.chinese = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("OpenPDF's CJK font STSong-Light/UniGB-UCS2-H is not available", e);
        }
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
            writer.setPageEvent(new Footer(footer(receipt.channel()), font(8.5f, Font.NORMAL, MUTED)));
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
        Paragraph title = new Paragraph(text("receipt.pdf.title"), font(16f, Font.BOLD, TEXT));
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

    private static PdfPCell cell(String content, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(content, font));
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

    private static Paragraph centered(String content, Font font, float spacingBefore) {
        Paragraph paragraph = new Paragraph(content, font);
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
