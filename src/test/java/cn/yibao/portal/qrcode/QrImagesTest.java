package cn.yibao.portal.qrcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class QrImagesTest {

    private static final String TOKEN = token(new Random(42));

    private static final String[] CONTENTS = {
        TOKEN,
        "参保人：张三，医保编码 110101199003071234，门诊统筹余额 ¥1,234.56",
        "https://yibao.example.cn/verify?code=" + TOKEN + "&lang=zh-CN",
    };

    @Test
    void tokenIsA63CharacterBase64UrlString() {
        assertThat(TOKEN).hasSize(63).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void pngRoundTrips() {
        for (String content : CONTENTS) {
            assertThat(QrImages.decode(QrImages.png(content, 8))).contains(content);
        }
    }

    @Test
    void svgIsSmallSafeWellFormedXml() throws Exception {
        String svg = QrImages.svg(TOKEN);
        assertThat(svg).doesNotContain("<script").doesNotContain("style=").doesNotContain("<?xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        int side = 4 * QrImages.version(TOKEN) + 17 + 2 * 4;
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + side + " " + side);
        assertThat(root.hasAttribute("width")).isFalse();
        assertThat(root.hasAttribute("height")).isFalse();
        assertThat(document.getElementsByTagName("rect").getLength()).isEqualTo(1);
        assertThat(document.getElementsByTagName("path").getLength()).isEqualTo(1);
        assertThat(root.getElementsByTagName("*").getLength()).isEqualTo(2);
        assertThat(svg.length()).isLessThan(8_000);
    }

    @Test
    void svgDrawsExactlyThePngModules() throws IOException {
        for (String content : CONTENTS) {
            BufferedImage fromSvg = rasterise(QrImages.svg(content));
            BufferedImage fromPng = ImageIO.read(new ByteArrayInputStream(QrImages.png(content, 1)));
            assertThat(fromSvg.getWidth()).isEqualTo(fromPng.getWidth());
            for (int y = 0; y < fromPng.getHeight(); y++) {
                for (int x = 0; x < fromPng.getWidth(); x++) {
                    assertThat(fromSvg.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(fromPng.getRGB(x, y));
                }
            }
            assertThat(QrImages.decode(png(upscale(fromSvg, 6)))).contains(content);
        }
    }

    @Test
    void tokenFitsInASmallVersion() {
        assertThat(QrImages.version(TOKEN)).isLessThanOrEqualTo(5);
    }

    @Test
    void photoLikeImageDecodes() throws IOException {
        BufferedImage code = ImageIO.read(new ByteArrayInputStream(QrImages.png(TOKEN, 8)));
        BufferedImage photo = new BufferedImage(2400, 1800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(0xE4E4E0));
        g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
        g.setColor(Color.WHITE);
        g.fillRect(500, 300, code.getWidth() * 3 + 200, code.getHeight() * 3 + 200);
        g.drawImage(code, 600, 400, code.getWidth() * 3, code.getHeight() * 3, null);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpeg", jpeg);
        assertThat(QrImages.decode(jpeg.toByteArray())).contains(TOKEN);
    }

    @Test
    void codeOnTransparentBackgroundDecodes() throws IOException {
        BufferedImage code = ImageIO.read(new ByteArrayInputStream(QrImages.png(TOKEN, 4)));
        BufferedImage transparent = new BufferedImage(code.getWidth(), code.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                transparent.setRGB(x, y, (code.getRGB(x, y) & 0xffffff) == 0 ? 0xff000000 : 0);
            }
        }
        assertThat(QrImages.decode(png(transparent))).contains(TOKEN);
    }

    @Test
    void unreadableInputIsEmpty() throws IOException {
        byte[] random = new byte[10_000];
        new Random(7).nextBytes(random);
        BufferedImage blank = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 400);
        g.dispose();

        assertThat(QrImages.decode(null)).isEmpty();
        assertThat(QrImages.decode(new byte[0])).isEmpty();
        assertThat(QrImages.decode(random)).isEmpty();
        assertThat(QrImages.decode(png(blank))).isEmpty();
        assertThat(QrImages.decode(png(new BufferedImage(4097, 1, BufferedImage.TYPE_BYTE_BINARY)))).isEmpty();
        assertThat(QrImages.decode(new byte[8 * 1024 * 1024 + 1])).isEmpty();
        byte[] truncated = QrImages.png(TOKEN, 8);
        assertThat(QrImages.decode(Arrays.copyOf(truncated, truncated.length / 2))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 33})
    void badModuleSizeIsRejected(int moduleSize) {
        assertThatThrownBy(() -> QrImages.png(TOKEN, moduleSize)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unencodableContentIsRejected() {
        assertThatThrownBy(() -> QrImages.svg(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrImages.svg("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrImages.svg("a\uD800b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrImages.png("医".repeat(2000), 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrImages.version("x".repeat(3000))).isInstanceOf(IllegalArgumentException.class);
    }

    static String token(Random random) {
        byte[] bytes = new byte[47];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Paints the SVG's runs one pixel per module, failing on any path syntax other than what svg() promises. */
    private static BufferedImage rasterise(String svg) {
        Matcher viewBox = Pattern.compile("viewBox=\"0 0 (\\d+) \\1\"").matcher(svg);
        assertThat(viewBox.find()).isTrue();
        int side = Integer.parseInt(viewBox.group(1));
        Matcher path = Pattern.compile("<path fill=\"#000\" d=\"((?:M\\d+ \\d+h\\d+v1h-\\d+z)+)\"/>").matcher(svg);
        assertThat(path.find()).as("path of horizontal runs").isTrue();
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setColor(Color.BLACK);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(path.group(1));
        while (run.find()) {
            assertThat(run.group(4)).isEqualTo(run.group(3));
            g.fillRect(Integer.parseInt(run.group(1)), Integer.parseInt(run.group(2)), Integer.parseInt(run.group(3)), 1);
        }
        g.dispose();
        return image;
    }

    private static BufferedImage upscale(BufferedImage image, int factor) {
        BufferedImage scaled = new BufferedImage(image.getWidth() * factor, image.getHeight() * factor,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.drawImage(image, 0, 0, scaled.getWidth(), scaled.getHeight(), null);
        g.dispose();
        return scaled;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
