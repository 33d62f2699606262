package cn.yibao.portal.qrcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Renders QR codes (SVG, PNG) and decodes them from uploaded images, with ZXing core only. Stateless and thread-safe. */
public final class QrImages {

    private static final int QUIET_ZONE = 4;
    private static final int MAX_MODULE_SIZE = 32;
    private static final int MAX_IMAGE_BYTES = 8 * 1024 * 1024;
    private static final int MAX_IMAGE_SIDE = 4096;
    private static final int SCALED_SIDE = 1200;
    // TIFF, WBMP and plugin formats are refused: less parser surface for untrusted uploads.
    private static final Set<String> IMAGE_FORMATS = Set.of("png", "jpeg", "gif", "bmp");

    private static final Map<EncodeHintType, Object> ENCODE_HINTS = Map.of(EncodeHintType.CHARACTER_SET, "UTF-8");
    private static final Map<DecodeHintType, Object> DECODE_HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

    private QrImages() {
    }

    public static String svg(String content) {
        ByteMatrix matrix = encode(content).getMatrix();
        int side = matrix.getWidth() + 2 * QUIET_ZONE;
        StringBuilder svg = new StringBuilder(256 + matrix.getWidth() * matrix.getHeight() / 2)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(side).append(' ').append(side)
                .append("\" shape-rendering=\"crispEdges\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"").append(side)
                .append("\" height=\"").append(side).append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        forEachDarkRun(matrix, (x, y, length) -> svg.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                .append('h').append(length).append("v1h-").append(length).append('z'));
        return svg.append("\"/></svg>").toString();
    }

    public static byte[] png(String content, int moduleSize) {
        if (moduleSize < 1 || moduleSize > MAX_MODULE_SIZE) {
            throw new IllegalArgumentException("moduleSize must be 1.." + MAX_MODULE_SIZE + ": " + moduleSize);
        }
        ByteMatrix matrix = encode(content).getMatrix();
        int side = (matrix.getWidth() + 2 * QUIET_ZONE) * moduleSize;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setColor(Color.BLACK);
            forEachDarkRun(matrix, (x, y, length) -> g.fillRect(
                    (x + QUIET_ZONE) * moduleSize, (y + QUIET_ZONE) * moduleSize, length * moduleSize, moduleSize));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        // An explicit memory-cached stream: ImageIO's default may spool to temp files, and setUseCache is JVM-global.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static int version(String content) {
        return encode(content).getVersion().getVersionNumber();
    }

    public static Optional<String> decode(byte[] imageBytes) {
        if (imageBytes == null || imageBytes.length == 0 || imageBytes.length > MAX_IMAGE_BYTES) {
            return Optional.empty();
        }
        BufferedImage image = read(imageBytes);
        if (image == null) {
            return Optional.empty();
        }
        Optional<String> text = decodeImage(image);
        if (text.isEmpty() && Math.max(image.getWidth(), image.getHeight()) > SCALED_SIDE) {
            text = decodeImage(scaledDown(image));
        }
        return text;
    }

    private static QRCode encode(String content) {
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException("QR content is empty");
        }
        // String.getBytes would silently turn unpaired surrogates into '?'.
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(content)) {
            throw new IllegalArgumentException("QR content is not valid Unicode");
        }
        try {
            return Encoder.encode(content, ErrorCorrectionLevel.M, ENCODE_HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR content cannot be encoded: " + e.getMessage(), e);
        }
    }

    private interface RunConsumer {
        void accept(int x, int y, int length);
    }

    private static void forEachDarkRun(ByteMatrix matrix, RunConsumer runs) {
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (matrix.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
                    x++;
                }
                runs.accept(start, y, x - start);
            }
        }
    }

    /** Null for anything that is not a readable PNG/JPEG/GIF/BMP within the size limit. */
    private static BufferedImage read(byte[] bytes) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                if (!IMAGE_FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return null;
                }
                reader.setInput(in, true, true);
                // Checked from the header before decoding pixels, so a small file cannot claim gigapixels.
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
                    return null;
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Image decoders throw assorted runtime exceptions on corrupt input.
            return null;
        }
    }

    private static Optional<String> decodeImage(BufferedImage image) {
        LuminanceSource source = luminance(image);
        Optional<String> text = decodeWith(new HybridBinarizer(source));
        return text.isPresent() ? text : decodeWith(new GlobalHistogramBinarizer(source));
    }

    private static Optional<String> decodeWith(Binarizer binarizer) {
        try {
            return Optional.of(new QRCodeReader().decode(new BinaryBitmap(binarizer), DECODE_HINTS).getText());
        } catch (ReaderException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static LuminanceSource luminance(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        // RGBLuminanceSource ignores alpha, so a code on a transparent background would read as all black.
        if (image.getColorModel().hasAlpha()) {
            for (int i = 0; i < argb.length; i++) {
                argb[i] = onWhite(argb[i]);
            }
        }
        return new RGBLuminanceSource(width, height, argb);
    }

    private static int onWhite(int argb) {
        int alpha = argb >>> 24;
        int white = 255 * (255 - alpha);
        int r = (((argb >> 16) & 0xff) * alpha + white) / 255;
        int g = (((argb >> 8) & 0xff) * alpha + white) / 255;
        int b = ((argb & 0xff) * alpha + white) / 255;
        return (r << 16) | (g << 8) | b;
    }

    private static BufferedImage scaledDown(BufferedImage image) {
        double factor = (double) SCALED_SIDE / Math.max(image.getWidth(), image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }
}
