package cn.yibao.portal.qrcode.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderedImagesTest {

    @Test
    void anImageIsDrawnOnceAndTheLeastRecentlyShownGoesFirstWhenFull() {
        RenderedImages images = new RenderedImages(2);
        AtomicInteger drawn = new AtomicInteger();

        images.render("a", "svg", () -> new byte[] {(byte) drawn.incrementAndGet()});
        images.render("b", "svg", () -> new byte[] {(byte) drawn.incrementAndGet()});
        assertThat(images.find("a", "svg")).containsExactly(1); // a is now the most recently shown
        images.render("c", "svg", () -> new byte[] {(byte) drawn.incrementAndGet()});

        assertThat(images.find("b", "svg")).isNull();
        assertThat(images.find("a", "svg")).containsExactly(1);
        assertThat(images.find("c", "svg")).containsExactly(3);
        assertThat(images.find("a", "png")).as("each format on its own").isNull();
        assertThat(drawn).hasValue(3);
    }
}
